package io.vizora.projector.query;

import io.vizora.platform.security.Organisations;
import io.vizora.platform.clickhouse.ClickHouseStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Playback statistics for analysts, of the caller's organisation only: plays (completed or cut
 * short), failed plays and play time, by content, campaign, display, display group, local day or
 * local hour, over a range of local dates (the display's wall clock, ADR 0015); JSON, or CSV with
 * {@code format=csv} or {@code Accept: text/csv}; read from the hourly rollup. Failed plays by
 * content or display; uptime and health of the fleet from heartbeats.
 */
@RestController
@RequestMapping("/api/v1/stats")
class StatsController {

    enum By { content, campaign, display, group, day, hour }

    record Row(String key, long plays, long failed, long playTimeMs) {

        Row plus(Row other) {
            return new Row(key, plays + other.plays, failed + other.failed, playTimeMs + other.playTimeMs);
        }
    }

    record Stats(LocalDate from, LocalDate to, By by, List<Row> rows) {
    }

    /** A display's share of the period's minutes in which it sent at least one heartbeat. */
    record Uptime(String displayId, long minutesHeard, long minutes, double percent) {
    }

    record UptimeReport(Instant from, Instant to, List<Uptime> displays) {
    }

    /** Failed plays of one content or display: their share of all its plays and where they failed. */
    record ErrorRow(String key, long plays, long failed, double failedPercent, Map<String, Long> failedAt) {
    }

    record ErrorReport(LocalDate from, LocalDate to, String by, List<ErrorRow> rows) {
    }

    /** One hour or day of the fleet's heartbeats; a value is null when no display sent it. */
    record HealthBucket(Instant at, long displaysReporting, long samples, Double avgCpuPercent, Double avgMemoryPercent,
                        Double maxDiskPercent, Double maxTemperatureCelsius, long screenOffSamples) {
    }

    record HealthReport(Instant from, Instant to, String every, List<HealthBucket> buckets) {
    }

    private static final long MAX_DAYS = 366;
    private static final List<String> ERROR_STAGES = List.of("download", "verify", "load", "decode");

    private final ClickHouseStore clickhouse;
    private final DatabaseClient db;

    StatsController(ClickHouseStore clickhouse, DatabaseClient db) {
        this.clickhouse = clickhouse;
        this.db = db;
    }

    @GetMapping("/plays")
    Mono<ResponseEntity<?>> plays(@AuthenticationPrincipal Object principal, @RequestParam LocalDate from, @RequestParam LocalDate to,
                                  @RequestParam String by, @RequestParam(required = false) UUID displayId,
                                  @RequestParam(required = false) UUID campaignId, @RequestParam(required = false) String format,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        var dimension = dimension(by);
        requireRange(from, to);
        var organisation = Organisations.of(principal);
        var rows = Mono.fromCallable(() -> query(organisation, from, to, dimension, displayId, campaignId)).subscribeOn(Schedulers.boundedElastic());
        var grouped = dimension == By.group ? rows.flatMap(byDisplay -> byGroup(organisation, byDisplay)) : rows;
        var csv = "csv".equalsIgnoreCase(format) || (accept != null && accept.contains("text/csv"));
        return grouped.map(result -> csv
                ? ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plays-by-" + dimension + "-" + from + "-" + to + ".csv\"")
                        .body(csv(result))
                : ResponseEntity.ok(new Stats(from, to, dimension, result)));
    }

    /**
     * Uptime per display over [from, to) (UTC instants, at most 31 days): the minutes with at least one
     * heartbeat, by the device's clock, over the minutes of the period. Displays never heard are absent.
     */
    @GetMapping("/uptime")
    Mono<UptimeReport> uptime(@AuthenticationPrincipal Object principal, @RequestParam Instant from, @RequestParam Instant to) {
        requirePeriod(from, to);
        var minutes = Math.max(1, Duration.between(from, to).toMinutes());
        var organisation = Organisations.of(principal);
        return Mono.fromCallable(() -> clickhouse.query("SELECT display_id, uniqExact(toStartOfMinute(sent_at)) FROM health_samples FINAL"
                        + " WHERE tenant_id = '" + organisation + "' AND sent_at >= " + from.getEpochSecond() + " AND sent_at < " + to.getEpochSecond()
                        + " GROUP BY display_id ORDER BY display_id").stream()
                        .map(row -> {
                            var heard = Long.parseLong(row.get(1));
                            return new Uptime(row.get(0), heard, minutes, Math.round(1000.0 * heard / minutes) / 10.0);
                        }).toList())
                .subscribeOn(Schedulers.boundedElastic())
                .map(displays -> new UptimeReport(from, to, displays));
    }

    private static By dimension(String by) {
        try {
            return By.valueOf(by.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "by must be one of " + Arrays.toString(By.values()));
        }
    }

    /** Every value in this SQL is a UUID, a date or a column chosen here: nothing from the caller is spliced in as text. */
    private List<Row> query(UUID organisation, LocalDate from, LocalDate to, By by, UUID displayId, UUID campaignId) {
        var key = switch (by) {
            case content -> "content_id";
            case campaign -> "campaign_id";
            case display, group -> "display_id";
            case day -> "toString(local_date)";
            case hour -> "toString(local_hour)";
        };
        var sql = "SELECT " + key + " AS key, sum(plays), sum(failed), sum(play_time_ms) FROM plays_hourly"
                + where(organisation, from, to, displayId, campaignId) + " GROUP BY key ORDER BY key";
        return clickhouse.query(sql).stream()
                .map(row -> new Row(row.get(0), Long.parseLong(row.get(1)), Long.parseLong(row.get(2)), Long.parseLong(row.get(3))))
                .toList();
    }

    private static String where(UUID organisation, LocalDate from, LocalDate to, UUID displayId, UUID campaignId) {
        return " WHERE tenant_id = '" + organisation + "' AND local_date >= '" + from + "' AND local_date <= '" + to + "'"
                + (displayId == null ? "" : " AND display_id = '" + displayId + "'")
                + (campaignId == null ? "" : " AND campaign_id = '" + campaignId + "'");
    }

    /**
     * Failed plays by content or display over a range of local dates, worst first: how many, their
     * share of all plays, and where they failed (download, verify, load, decode).
     */
    @GetMapping("/errors")
    Mono<ErrorReport> errors(@AuthenticationPrincipal Object principal, @RequestParam LocalDate from, @RequestParam LocalDate to,
                             @RequestParam String by) {
        requireRange(from, to);
        var key = switch (dimension(by)) {
            case content -> "content_id";
            case display -> "display_id";
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "by must be content or display");
        };
        var stages = ERROR_STAGES.stream().map(stage -> "sumIf(failed, error_stage = '" + stage + "')").collect(Collectors.joining(", "));
        var sql = "SELECT " + key + " AS key, sum(plays) + sum(failed) AS total, sum(failed) AS failures, " + stages + " FROM plays_hourly"
                + where(Organisations.of(principal), from, to, null, null)
                + " GROUP BY key HAVING failures > 0 ORDER BY failures / total DESC, failures DESC, key";
        return Mono.fromCallable(() -> clickhouse.query(sql).stream().map(row -> {
                    var total = Long.parseLong(row.get(1));
                    var failed = Long.parseLong(row.get(2));
                    var byStage = new java.util.LinkedHashMap<String, Long>();
                    for (int i = 0; i < ERROR_STAGES.size(); i++) {
                        byStage.put(ERROR_STAGES.get(i), Long.parseLong(row.get(3 + i)));
                    }
                    return new ErrorRow(row.get(0), total, failed, Math.round(1000.0 * failed / total) / 10.0, byStage);
                }).toList())
                .subscribeOn(Schedulers.boundedElastic())
                .map(rows -> new ErrorReport(from, to, by.toLowerCase(Locale.ROOT), rows));
    }

    /**
     * The fleet's health over [from, to) (UTC instants, at most 31 days) in buckets of an hour or a
     * day: how many displays reported, how many samples, and the average or worst of what they sent
     * (null where no display sent that value). Optionally one display.
     */
    @GetMapping("/health")
    Mono<HealthReport> health(@AuthenticationPrincipal Object principal, @RequestParam Instant from, @RequestParam Instant to,
                              @RequestParam(defaultValue = "hour") String every, @RequestParam(required = false) UUID displayId) {
        requirePeriod(from, to);
        var bucket = switch (every.toLowerCase(Locale.ROOT)) {
            case "hour" -> "toStartOfHour(sent_at)";
            case "day" -> "toStartOfDay(sent_at)";
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "every must be hour or day");
        };
        var sql = "SELECT toUnixTimestamp(" + bucket + ") AS bucket, uniqExact(display_id), count(),"
                + " round(avg(cpu_percent), 1), round(avg(memory_percent), 1), round(max(disk_percent), 1), round(max(temperature_celsius), 1),"
                + " countIf(ifNull(screen_on, 1) = 0) FROM health_samples FINAL"
                + " WHERE tenant_id = '" + Organisations.of(principal) + "' AND sent_at >= " + from.getEpochSecond()
                + " AND sent_at < " + to.getEpochSecond() + (displayId == null ? "" : " AND display_id = '" + displayId + "'")
                + " GROUP BY bucket ORDER BY bucket";
        return Mono.fromCallable(() -> clickhouse.query(sql).stream().map(row -> new HealthBucket(
                        Instant.ofEpochSecond(Long.parseLong(row.get(0))), Long.parseLong(row.get(1)), Long.parseLong(row.get(2)),
                        decimal(row.get(3)), decimal(row.get(4)), decimal(row.get(5)), decimal(row.get(6)), Long.parseLong(row.get(7)))).toList())
                .subscribeOn(Schedulers.boundedElastic())
                .map(buckets -> new HealthReport(from, to, every.toLowerCase(Locale.ROOT), buckets));
    }

    /** ClickHouse writes NULL as \N in TabSeparated, and nan for the average of nothing. */
    private static Double decimal(String value) {
        return value.equals("\\N") || value.equals("nan") ? null : Double.valueOf(value);
    }

    private static void requireRange(LocalDate from, LocalDate to) {
        QueryPeriods.requireWithin("from", from);
        QueryPeriods.requireWithin("to", to);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must not be after to, and the range at most " + MAX_DAYS + " days");
        }
    }

    private static void requirePeriod(Instant from, Instant to) {
        QueryPeriods.requireWithin(from, to);
        if (!from.isBefore(to) || Duration.between(from, to).toDays() > 31) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to, and the period at most 31 days");
        }
    }

    /** Per display, summed into each group the display is in now (a display in two groups counts in both). */
    private Mono<List<Row>> byGroup(UUID organisation, List<Row> byDisplay) {
        return db.sql("SELECT id, group_ids FROM display WHERE organisation_id = :organisation").bind("organisation", organisation)
                .map(row -> Map.entry(row.get("id", UUID.class).toString(), List.of(row.get("group_ids", UUID[].class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(groupsOf -> {
                    var sums = new TreeMap<String, Row>();
                    for (var row : byDisplay) {
                        for (var group : groupsOf.getOrDefault(row.key(), List.of())) {
                            var asGroup = new Row(group.toString(), row.plays(), row.failed(), row.playTimeMs());
                            sums.merge(group.toString(), asGroup, Row::plus);
                        }
                    }
                    return List.copyOf(sums.values());
                });
    }

    private static String csv(List<Row> rows) {
        return rows.stream().map(row -> row.key() + "," + row.plays() + "," + row.failed() + "," + row.playTimeMs())
                .collect(Collectors.joining("\n", "key,plays,failed,play_time_ms\n", rows.isEmpty() ? "" : "\n"));
    }
}
