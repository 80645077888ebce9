package io.vizora.projector.query;

import io.vizora.platform.security.Organisations;
import io.r2dbc.postgresql.codec.Json;
import io.vizora.projector.manifest.CompilationInputs;
import io.vizora.projector.manifest.ManifestPublisher;
import io.vizora.projector.presence.Presence;
import io.vizora.projector.state.Targeting;
import io.vizora.schedule.Playhead;
import io.vizora.schedule.ScheduleCompiler;
import io.vizora.schedule.Timeline;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The operators' read models, always of the caller's organisation: another's display is 404. */
@RestController
@RequestMapping("/api/v1")
class QueryController {

    /** What a display is playing now and next, as its manifest says. */
    record NowPlaying(String source, List<UUID> campaignIds, UUID contentId, Instant since, Instant nextAt, UUID nextContentId) {
    }

    /**
     * What the screen reported it shows (its last heartbeat: the manifest version it follows, the
     * screen's state and the item on it), beside what the manifest plans ({@link NowPlaying}).
     */
    record Showing(String screen, Long manifestVersion, Shown playing, Instant reportedAt) {

        static Showing of(String health) {
            var heartbeat = JSON.readTree(health);
            return new Showing(heartbeat.path("screen").asString(null),
                    heartbeat.path("manifestVersion").isNumber() ? heartbeat.get("manifestVersion").asLong() : null,
                    heartbeat.path("playing").isObject() ? Shown.of(heartbeat.get("playing")) : null,
                    heartbeat.has("sentAt") ? Instant.parse(heartbeat.get("sentAt").asString()) : null);
        }
    }

    /** The item on the screen as its heartbeat reports it: which content, for which campaign (none for a default), since when. */
    record Shown(UUID contentId, UUID campaignId, Instant since, boolean fromCache, boolean fallback) {

        // a device's report: what does not parse is left out rather than failing the whole fleet view
        static Shown of(JsonNode playing) {
            return new Shown(parsed(playing, "contentId", UUID::fromString), parsed(playing, "campaignId", UUID::fromString),
                    parsed(playing, "since", Instant::parse), playing.path("fromCache").asBoolean(false), playing.path("fallback").asBoolean(false));
        }

        private static <T> T parsed(JsonNode node, String field, java.util.function.Function<String, T> parser) {
            try {
                return node.path(field).isString() ? parser.apply(node.get(field).asString()) : null;
            } catch (RuntimeException malformed) {
                return null;
            }
        }
    }

    /**
     * A display as operators see it: {@code planned} is what its newest manifest says plays now,
     * {@code showing} what its screen last reported; {@code outOfSyncSince} is set while the screen has
     * not shown its newest manifest within the sync grace.
     */
    record FleetEntry(UUID displayId, String name, String timeZone, List<UUID> groupIds, List<String> tags, Long manifestVersion,
                      Instant compiledAt, NowPlaying playing, Boolean online, Instant lastSeenAt, Showing showing, Instant outOfSyncSince) {

        FleetEntry playing(NowPlaying now) {
            return new FleetEntry(displayId, name, timeZone, groupIds, tags, manifestVersion, compiledAt, now, online, lastSeenAt, showing,
                    outOfSyncSince);
        }

        FleetEntry presence(Map<String, String> fields) {
            if (!fields.containsKey("lastSeen")) {
                return new FleetEntry(displayId, name, timeZone, groupIds, tags, manifestVersion, compiledAt, playing, false, null, null, null);
            }
            return new FleetEntry(displayId, name, timeZone, groupIds, tags, manifestVersion, compiledAt, playing,
                    "online".equals(fields.get("state")), Instant.ofEpochMilli(Long.parseLong(fields.get("lastSeen"))),
                    fields.containsKey("health") ? Showing.of(fields.get("health")) : null,
                    fields.containsKey("outOfSyncSince") ? Instant.ofEpochMilli(Long.parseLong(fields.get("outOfSyncSince"))) : null);
        }
    }

    record CampaignEntry(UUID campaignId, String name, String state, String kind, int priority, LocalDate startDate, LocalDate endDate,
                         long displaysReached) {
    }

    record AuditEntry(UUID eventId, Instant occurredAt, String principal, String type, String subject, JsonNode data) {
    }

    private static final Duration LONGEST_PLAN = Duration.ofDays(31);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient db;
    private final ReactiveStringRedisTemplate redis;
    private final ManifestPublisher manifests;
    private final CompilationInputs inputs;
    private final Presence presence;

    QueryController(DatabaseClient db, ReactiveStringRedisTemplate redis, ManifestPublisher manifests, CompilationInputs inputs,
                    Presence presence) {
        this.presence = presence;
        this.db = db;
        this.redis = redis;
        this.manifests = manifests;
        this.inputs = inputs;
    }

    @GetMapping("/fleet")
    Flux<FleetEntry> fleet(@AuthenticationPrincipal Object principal) {
        var now = Instant.now();
        return db.sql("""
                        SELECT d.id, d.name, d.time_zone, d.group_ids, d.tags, m.version, m.compiled_at
                        FROM display d LEFT JOIN manifest m ON m.display_id = d.id
                        WHERE d.organisation_id = :organisation ORDER BY lower(d.name), d.id""")
                .bind("organisation", Organisations.of(principal))
                .map(row -> new FleetEntry(row.get("id", UUID.class), row.get("name", String.class), row.get("time_zone", String.class),
                        Arrays.asList(row.get("group_ids", UUID[].class)), Arrays.asList(row.get("tags", String[].class)),
                        row.get("version", Long.class),
                        Optional.ofNullable(row.get("compiled_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                        null, null, null, null, null))
                .all()
                .flatMapSequential(entry -> redis.<String, String>opsForHash().get(manifests.key(entry.displayId()), "manifest")
                        .map(body -> withPlaying(entry, JSON.readTree(body), now))
                        .defaultIfEmpty(entry)
                        .zipWith(redis.<String, String>opsForHash().entries(presence.key(entry.displayId()))
                                .collectMap(Map.Entry::getKey, Map.Entry::getValue))
                        .map(found -> found.getT1().presence(found.getT2())));
    }

    private static FleetEntry withPlaying(FleetEntry entry, JsonNode manifest, Instant now) {
        for (var slice : manifest.get("slices")) {
            var start = Instant.parse(slice.get("start").asString());
            var end = Instant.parse(slice.get("end").asString());
            if (start.isAfter(now) || !end.isAfter(now)) {
                continue;
            }
            var items = new ArrayList<JsonNode>();
            slice.get("items").forEach(items::add);
            var campaigns = new ArrayList<UUID>();
            slice.get("campaignIds").forEach(id -> campaigns.add(UUID.fromString(id.asString())));
            var playing = Playhead.at(start, end, items.stream().map(item -> item.get("durationMs").asInt()).toList(), now)
                    .map(head -> new NowPlaying(slice.get("source").asString(), campaigns,
                            UUID.fromString(items.get(head.index()).get("contentId").asString()), head.startedAt(), head.nextAt(),
                            head.nextAt().equals(end) ? null : UUID.fromString(items.get((head.index() + 1) % items.size()).get("contentId").asString())))
                    .orElse(new NowPlaying(slice.get("source").asString(), campaigns, null, start, end, null));
            return entry.playing(playing);
        }
        return entry;
    }

    @GetMapping("/campaign-overview")
    Flux<CampaignEntry> campaigns(@AuthenticationPrincipal Object principal) {
        return db.sql("""
                        SELECT c.id, c.name, c.state, c.kind, c.priority, c.start_date, c.end_date,
                               (SELECT count(*) FROM display d WHERE d.organisation_id = c.organisation_id AND """ + Targeting.REACHES + """
                               ) AS reached
                        FROM campaign c WHERE c.organisation_id = :organisation ORDER BY c.start_date, lower(c.name), c.id""")
                .bind("organisation", Organisations.of(principal))
                .map(row -> new CampaignEntry(row.get("id", UUID.class), row.get("name", String.class), row.get("state", String.class),
                        row.get("kind", String.class), row.get("priority", Integer.class), row.get("start_date", LocalDate.class),
                        row.get("end_date", LocalDate.class), row.get("reached", Long.class)))
                .all();
    }

    @GetMapping("/audit")
    Flux<AuditEntry> audit(@AuthenticationPrincipal Object principal, @RequestParam(defaultValue = "100") int limit,
                           @RequestParam(required = false) Instant before) {
        if (limit < 1 || limit > 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and 1000");
        }
        return db.sql("""
                        SELECT event_id, occurred_at, principal, type, subject, data FROM audit_log
                        WHERE organisation_id = :organisation AND occurred_at < :before
                        ORDER BY occurred_at DESC, event_id LIMIT :limit""")
                .bind("organisation", Organisations.of(principal))
                .bind("before", OffsetDateTime.ofInstant(before == null ? Instant.now().plusSeconds(1) : before, java.time.ZoneOffset.UTC))
                .bind("limit", limit)
                .map(row -> new AuditEntry(row.get("event_id", UUID.class), row.get("occurred_at", OffsetDateTime.class).toInstant(),
                        row.get("principal", String.class), row.get("type", String.class), row.get("subject", String.class),
                        JSON.readTree(row.get("data", Json.class).asString())))
                .all();
    }

    /** What a display will play between two instants (at most 31 days apart), compiled from the current state. */
    @GetMapping("/displays/{displayId}/timeline")
    Mono<Timeline> timeline(@AuthenticationPrincipal Object principal, @PathVariable UUID displayId, @RequestParam Instant from, @RequestParam Instant to) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(LONGEST_PLAN) > 0) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to, at most 31 days apart"));
        }
        return inputs.forDisplay(displayId)
                .filter(found -> found.organisationId().equals(Organisations.of(principal)))
                .map(found -> ScheduleCompiler.compile(found.display(), found.campaigns(), found.library(), from, Duration.between(from, to)))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no display " + displayId + ".")));
    }
}
