package io.vizora.projector.query;

import io.vizora.platform.clickhouse.ClickHouseStore;
import io.vizora.platform.security.Organisations;
import io.vizora.projector.plan.PlanVersion;
import io.vizora.projector.plan.PlanVersusActual;
import io.vizora.projector.plan.ReportedPlay;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Planned vs actual over [from, to) (UTC instants, at most 7 days): for a display, its compiled
 * timelines against its reported plays, slice by slice; for a campaign, per display, the time the
 * plan gave it against its plays. The caller's organisation only.
 */
@RestController
@RequestMapping("/api/v1/stats")
class PlannedVersusActualController {

    record DisplayReport(UUID displayId, Instant from, Instant to, PlanVersusActual.Report report) {
    }

    record CampaignDisplay(String displayId, PlanVersusActual.CampaignDelivery delivery) {
    }

    record CampaignReport(UUID campaignId, Instant from, Instant to, long plannedSeconds, long plays, long playedSeconds,
                          long segmentsMissed, long unplannedPlays, List<CampaignDisplay> displays) {
    }

    private static final Duration MAX_PERIOD = Duration.ofDays(7);

    private final ClickHouseStore clickhouse;

    PlannedVersusActualController(ClickHouseStore clickhouse) {
        this.clickhouse = clickhouse;
    }

    @GetMapping("/planned-vs-actual")
    Mono<Object> plannedVersusActual(@AuthenticationPrincipal Object principal, @RequestParam Instant from, @RequestParam Instant to,
                                     @RequestParam(required = false) UUID displayId, @RequestParam(required = false) UUID campaignId) {
        QueryPeriods.requireWithin(from, to);
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to, and the period at most 7 days");
        }
        if ((displayId == null) == (campaignId == null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give either displayId or campaignId");
        }
        var organisation = Organisations.of(principal);
        return Mono.fromCallable(() -> displayId != null
                        ? (Object) display(organisation, displayId, from, to)
                        : campaign(organisation, campaignId, from, to))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private DisplayReport display(UUID organisation, UUID display, Instant from, Instant to) {
        var where = " AND display_id = '" + display + "'";
        return new DisplayReport(display, from, to, PlanVersusActual.compare(
                plans(organisation, where, from, to).getOrDefault(display.toString(), List.of()),
                plays(organisation, where, from, to).getOrDefault(display.toString(), List.of()), from, to));
    }

    private CampaignReport campaign(UUID organisation, UUID campaign, Instant from, Instant to) {
        var displays = new TreeSet<String>();
        clickhouse.query("SELECT DISTINCT display_id FROM planned_slices FINAL WHERE tenant_id = '" + organisation + "'"
                + " AND has(campaign_ids, '" + campaign + "')" + overlapping(from, to)).forEach(row -> displays.add(row.getFirst()));
        clickhouse.query("SELECT DISTINCT display_id FROM plays FINAL WHERE tenant_id = '" + organisation + "'"
                + " AND campaign_id = '" + campaign + "'" + startedWithin(from, to)).forEach(row -> displays.add(row.getFirst()));
        if (displays.isEmpty()) {
            return new CampaignReport(campaign, from, to, 0, 0, 0, 0, 0, List.of());
        }
        // ids read back from ClickHouse go into SQL again only as parsed UUIDs
        var where = " AND display_id IN (" + displays.stream().map(id -> "'" + UUID.fromString(id) + "'").collect(Collectors.joining(",")) + ")";
        var plans = plans(organisation, where, from, to);
        var plays = plays(organisation, where + " AND campaign_id = '" + campaign + "'", from, to);
        var rows = displays.stream().map(display -> new CampaignDisplay(display, PlanVersusActual.campaign(
                plans.getOrDefault(display, List.of()), plays.getOrDefault(display, List.of()), from, to, campaign))).toList();
        return new CampaignReport(campaign, from, to,
                rows.stream().mapToLong(row -> row.delivery().plannedSeconds()).sum(),
                rows.stream().mapToLong(row -> row.delivery().plays()).sum(),
                rows.stream().mapToLong(row -> row.delivery().playedSeconds()).sum(),
                rows.stream().mapToLong(row -> row.delivery().segmentsMissed()).sum(),
                rows.stream().mapToLong(row -> row.delivery().unplannedPlays()).sum(), rows);
    }

    /** Every manifest version per display whose slices reach into the period. */
    private Map<String, List<PlanVersion>> plans(UUID organisation, String displays, Instant from, Instant to) {
        var versions = new HashMap<String, TreeMap<Long, List<String[]>>>();
        clickhouse.query("SELECT display_id, manifest_version, toUnixTimestamp(compiled_at), toUnixTimestamp(slice_start),"
                        + " toUnixTimestamp(slice_end), source, arrayStringConcat(campaign_ids, ','), arrayStringConcat(content_ids, ',')"
                        + " FROM planned_slices FINAL WHERE tenant_id = '" + organisation + "'" + displays + overlapping(from, to)
                        + " AND compiled_at < " + to.getEpochSecond() + " ORDER BY display_id, manifest_version, slice_start")
                .forEach(row -> versions.computeIfAbsent(row.get(0), display -> new TreeMap<>())
                        .computeIfAbsent(Long.parseLong(row.get(1)), version -> new ArrayList<>()).add(row.toArray(String[]::new)));
        var plans = new HashMap<String, List<PlanVersion>>();
        versions.forEach((display, byVersion) -> plans.put(display, byVersion.entrySet().stream().map(version -> new PlanVersion(
                version.getKey(), Instant.ofEpochSecond(Long.parseLong(version.getValue().getFirst()[2])),
                version.getValue().stream().map(row -> new PlanVersion.Planned(Instant.ofEpochSecond(Long.parseLong(row[3])),
                        Instant.ofEpochSecond(Long.parseLong(row[4])), row[5], uuids(row[6]), uuids(row[7]))).toList())).toList()));
        return plans;
    }

    private Map<String, List<ReportedPlay>> plays(UUID organisation, String displays, Instant from, Instant to) {
        var plays = new HashMap<String, List<ReportedPlay>>();
        clickhouse.query("SELECT display_id, toUnixTimestamp(started_at), started_ms, content_id, campaign_id, outcome, duration_ms"
                        + " FROM plays FINAL WHERE tenant_id = '" + organisation + "'" + displays + startedWithin(from, to))
                .forEach(row -> plays.computeIfAbsent(row.get(0), display -> new ArrayList<>()).add(new ReportedPlay(
                        Instant.ofEpochSecond(Long.parseLong(row.get(1))).plusMillis(Long.parseLong(row.get(2))),
                        row.get(3).isEmpty() ? null : UUID.fromString(row.get(3)), row.get(4).isEmpty() ? null : UUID.fromString(row.get(4)),
                        row.get(5).equals("failed"), Long.parseLong(row.get(6)))));
        return plays;
    }

    private static String overlapping(Instant from, Instant to) {
        return " AND slice_end > " + from.getEpochSecond() + " AND slice_start < " + to.getEpochSecond();
    }

    private static String startedWithin(Instant from, Instant to) {
        return " AND started_at >= " + from.getEpochSecond() + " AND started_at < " + to.getEpochSecond();
    }

    private static List<UUID> uuids(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",")).map(UUID::fromString).toList();
    }
}
