package io.vizora.projector.query;

import io.vizora.device.ManifestDocument;
import io.vizora.projector.manifest.ManifestPublisher;
import io.vizora.projector.presence.Presence;
import io.vizora.schedule.PlayItem;
import io.vizora.schedule.Playhead;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The fleet as operators see it, one entry per display: what the state says it is, what its newest
 * manifest plans now and what its screen last reported. Read whole for the fleet view, and for the
 * displays that changed for the live push.
 */
@Component
public class FleetView {

    /** What a display is playing now and next, as its manifest says. */
    public record NowPlaying(String source, List<UUID> campaignIds, UUID contentId, Instant since, Instant nextAt, UUID nextContentId) {
    }

    /**
     * What the screen reported it shows (its last heartbeat: the manifest version it follows, the
     * screen's state, the item on it and the kiosk browser its agent supervises, if any), beside
     * what the manifest plans ({@link NowPlaying}).
     */
    public record Showing(String screen, Long manifestVersion, Shown playing, Browser browser, Instant reportedAt) {

        static Showing of(String health) {
            var heartbeat = JSON.readTree(health);
            return new Showing(heartbeat.path("screen").asString(null),
                    heartbeat.path("manifestVersion").isNumber() ? heartbeat.get("manifestVersion").asLong() : null,
                    heartbeat.path("playing").isObject() ? Shown.of(heartbeat.get("playing")) : null,
                    heartbeat.path("browser").isObject() ? Browser.of(heartbeat.get("browser")) : null,
                    heartbeat.has("sentAt") ? Instant.parse(heartbeat.get("sentAt").asString()) : null);
        }
    }

    /** The kiosk browser as the agent supervising it reports it: its state, how often it was started again, and why last. */
    public record Browser(String state, int restarts, String detail) {

        static Browser of(JsonNode browser) {
            return new Browser(browser.path("state").asString(null), browser.path("restarts").asInt(0), browser.path("detail").asString(null));
        }
    }

    /** The item on the screen as its heartbeat reports it: which content, for which campaign (none for a default), since when. */
    public record Shown(UUID contentId, UUID campaignId, Instant since, boolean fromCache, boolean fallback) {

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

    /** The display's newest screenshot; {@code href} lists its screenshots with links to the images. */
    public record Screenshot(UUID screenshotId, Instant takenAt, String href) {
    }

    /**
     * A display as operators see it: {@code planned} is what its newest manifest says plays now,
     * {@code showing} what its screen last reported; {@code outOfSyncSince} is set while the screen has
     * not shown its newest manifest within the sync grace.
     */
    public record FleetEntry(UUID displayId, String name, String timeZone, List<UUID> groupIds, List<String> tags, Long manifestVersion,
                      Instant compiledAt, NowPlaying playing, Boolean online, Instant lastSeenAt, Showing showing, Instant outOfSyncSince,
                      Screenshot lastScreenshot) {

        FleetEntry playing(NowPlaying now) {
            return new FleetEntry(displayId, name, timeZone, groupIds, tags, manifestVersion, compiledAt, now, online, lastSeenAt, showing,
                    outOfSyncSince, lastScreenshot);
        }

        FleetEntry presence(Map<String, String> fields) {
            if (!fields.containsKey("lastSeen")) {
                return new FleetEntry(displayId, name, timeZone, groupIds, tags, manifestVersion, compiledAt, playing, false, null, null, null,
                        lastScreenshot);
            }
            return new FleetEntry(displayId, name, timeZone, groupIds, tags, manifestVersion, compiledAt, playing,
                    "online".equals(fields.get("state")), Instant.ofEpochMilli(Long.parseLong(fields.get("lastSeen"))),
                    fields.containsKey("health") ? Showing.of(fields.get("health")) : null,
                    fields.containsKey("outOfSyncSince") ? Instant.ofEpochMilli(Long.parseLong(fields.get("outOfSyncSince"))) : null,
                    lastScreenshot);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient db;
    private final ReactiveStringRedisTemplate redis;
    private final ManifestPublisher manifests;
    private final Presence presence;

    FleetView(DatabaseClient db, ReactiveStringRedisTemplate redis, ManifestPublisher manifests, Presence presence) {
        this.db = db;
        this.redis = redis;
        this.manifests = manifests;
        this.presence = presence;
    }

    public Flux<FleetEntry> all(UUID organisationId) {
        return entries(organisationId, null);
    }

    /** The given displays of the organisation; others' are left out. */
    public Flux<FleetEntry> of(UUID organisationId, Collection<UUID> displayIds) {
        return displayIds.isEmpty() ? Flux.empty() : entries(organisationId, displayIds);
    }

    private Flux<FleetEntry> entries(UUID organisationId, Collection<UUID> displayIds) {
        var now = Instant.now();
        return db.sql("""
                        SELECT d.id, d.name, d.time_zone, d.group_ids, d.tags, m.version, m.compiled_at, s.screenshot_id, s.taken_at
                        FROM display d LEFT JOIN manifest m ON m.display_id = d.id LEFT JOIN display_screenshot s ON s.display_id = d.id
                        WHERE d.organisation_id = :organisation""" + (displayIds == null ? "" : " AND d.id = ANY(:displays)")
                        + " ORDER BY lower(d.name), d.id")
                .bind("organisation", organisationId)
                .bindValues(displayIds == null ? Map.of() : Map.of("displays", displayIds.toArray(UUID[]::new)))
                .map(row -> new FleetEntry(row.get("id", UUID.class), row.get("name", String.class), row.get("time_zone", String.class),
                        Arrays.asList(row.get("group_ids", UUID[].class)), Arrays.asList(row.get("tags", String[].class)),
                        row.get("version", Long.class),
                        Optional.ofNullable(row.get("compiled_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                        null, null, null, null, null, screenshot(row)))
                .all()
                .flatMapSequential(entry -> redis.<String, String>opsForHash().get(manifests.key(entry.displayId()), "manifest")
                        .map(body -> withPlaying(entry, ManifestDocument.read(body.getBytes(StandardCharsets.UTF_8)), now))
                        .defaultIfEmpty(entry)
                        .zipWith(redis.<String, String>opsForHash().entries(presence.key(entry.displayId()))
                                .collectMap(Map.Entry::getKey, Map.Entry::getValue))
                        .map(found -> found.getT1().presence(found.getT2())));
    }

    private static Screenshot screenshot(io.r2dbc.spi.Readable row) {
        var id = row.get("screenshot_id", UUID.class);
        return id == null ? null : new Screenshot(id, row.get("taken_at", OffsetDateTime.class).toInstant(),
                "/api/v1/displays/" + row.get("id", UUID.class) + "/screenshots");
    }

    private static FleetEntry withPlaying(FleetEntry entry, ManifestDocument manifest, Instant now) {
        for (var slice : manifest.slices()) {
            var start = slice.start();
            var end = slice.end();
            if (start.isAfter(now) || !end.isAfter(now)) {
                continue;
            }
            var items = slice.items();
            var playing = Playhead.at(start, end, items.stream().map(PlayItem::durationMs).toList(), now)
                    .map(head -> new NowPlaying(slice.source(), slice.campaignIds(), items.get(head.index()).contentId(), head.startedAt(), head.nextAt(),
                            head.nextAt().equals(end) ? null : items.get((head.index() + 1) % items.size()).contentId()))
                    .orElse(new NowPlaying(slice.source(), slice.campaignIds(), null, start, end, null));
            return entry.playing(playing);
        }
        return entry;
    }
}
