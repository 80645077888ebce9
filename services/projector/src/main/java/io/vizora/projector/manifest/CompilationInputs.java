package io.vizora.projector.manifest;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import io.vizora.platform.objectstore.ObjectStore;
import io.vizora.schedule.CampaignKind;
import io.vizora.schedule.CampaignRule;
import io.vizora.schedule.ContentRef;
import io.vizora.schedule.Daypart;
import io.vizora.schedule.DisplaySetting;
import io.vizora.schedule.Library;
import io.vizora.schedule.PlaylistEntry;
import io.vizora.schedule.Schedule;
import io.vizora.schedule.Targets;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Reads what one display's compilation needs from the projector's state: the display, the
 * published campaigns that reach it, their playlists and content. Files get presigned URLs that
 * outlive the manifest's horizon by a day's margin, within the store's seven-day maximum.
 */
@Component
public class CompilationInputs {

    public record Inputs(UUID organisationId, DisplaySetting display, List<CampaignRule> campaigns, Library library) {
    }

    private record Found(UUID organisationId, DisplaySetting display, Optional<UUID> organisationDefault) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration URL_VALIDITY = Duration.ofDays(7);

    private final DatabaseClient db;
    private final ObjectStore store;

    public CompilationInputs(DatabaseClient db, ObjectStore store) {
        this.db = db;
        this.store = store;
    }

    /** Empty if the display is not (or no longer) paired. */
    public Mono<Inputs> forDisplay(UUID displayId) {
        return forDisplays(List.of(displayId)).flatMap(found -> Mono.justOrEmpty(found.stream().findFirst()));
    }

    /**
     * The inputs of many displays with a few queries whatever their number: the displays at once,
     * then each organisation's published campaigns, playlists and content once; the displays of an
     * organisation share one library holding every playlist any of them may play. Displays not (or
     * no longer) paired are left out.
     */
    public Mono<List<Inputs>> forDisplays(Collection<UUID> displayIds) {
        return db.sql("""
                        SELECT d.id, d.organisation_id, d.time_zone, d.tags, d.group_ids, d.default_playlist_id, o.playlist_id AS organisation_default
                        FROM display d LEFT JOIN organisation_default o ON o.organisation_id = d.organisation_id WHERE d.id = ANY(:ids)""")
                .bind("ids", displayIds.toArray(UUID[]::new))
                .map(row -> new Found(row.get("organisation_id", UUID.class), new DisplaySetting(row.get("id", UUID.class),
                        ZoneId.of(row.get("time_zone", String.class)), Set.copyOf(Arrays.asList(row.get("group_ids", UUID[].class))),
                        Set.copyOf(Arrays.asList(row.get("tags", String[].class))), Optional.ofNullable(row.get("default_playlist_id", UUID.class))),
                        Optional.ofNullable(row.get("organisation_default", UUID.class))))
                .all().collectList()
                // grouped once every row is in: groupBy under concatMap stops reading rows once 256 belong to
                // organisations not reached yet, and the first organisation's group then never completes (a
                // batch of displays of several organisations, as after a rebuild, hung until its timeout)
                .flatMapIterable(found -> found.stream().collect(Collectors.groupingBy(Found::organisationId, LinkedHashMap::new, Collectors.toList())).values())
                .concatMap(this::ofOrganisation)
                .collectList();
    }

    private Flux<Inputs> ofOrganisation(List<Found> displays) {
        var organisation = displays.getFirst().organisationId();
        var organisationDefault = displays.getFirst().organisationDefault();
        return campaigns(organisation).flatMapMany(all -> {
            var reaching = new LinkedHashMap<Found, List<CampaignRule>>();
            var playlists = new HashSet<UUID>();
            organisationDefault.ifPresent(playlists::add);
            for (var found : displays) {
                var campaigns = all.stream().filter(campaign -> campaign.targets().reach(found.display())).toList();
                reaching.put(found, campaigns);
                campaigns.forEach(campaign -> playlists.add(campaign.playlistId()));
                found.display().defaultPlaylistId().ifPresent(playlists::add);
            }
            return library(organisation, playlists, organisationDefault).flatMapIterable(library -> reaching.entrySet().stream()
                    .map(entry -> new Inputs(organisation, entry.getKey().display(), entry.getValue(), library)).toList());
        });
    }

    private Mono<List<CampaignRule>> campaigns(UUID organisation) {
        return db.sql("""
                        SELECT id, playlist_id, targets, start_date, end_date, dayparts, priority, kind, every_weeks, starts_at, ends_at
                        FROM campaign WHERE organisation_id = :organisation AND state = 'published'""")
                .bind("organisation", organisation)
                .map(CompilationInputs::campaign).all().collectList();
    }

    /** The given playlists and their content. */
    private Mono<Library> library(UUID organisation, Set<UUID> wanted, Optional<UUID> organisationDefault) {
        if (wanted.isEmpty()) {
            return Mono.just(new Library(java.util.Map.of(), java.util.Map.of(), organisationDefault));
        }
        return db.sql("SELECT id, items FROM playlist WHERE organisation_id = :organisation AND id = ANY(:ids)")
                .bind("organisation", organisation).bind("ids", wanted.toArray(UUID[]::new))
                .map(row -> java.util.Map.entry(row.get("id", UUID.class), entries(row.get("items", Json.class).asString())))
                .all().collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)
                .flatMap(playlists -> {
                    var contentIds = new HashSet<UUID>();
                    playlists.values().forEach(entries -> entries.forEach(entry -> contentIds.add(entry.contentId())));
                    return db.sql("SELECT id, media_type, sha256, object_key, url FROM content WHERE organisation_id = :organisation AND id = ANY(:ids)")
                            .bind("organisation", organisation).bind("ids", contentIds.toArray(UUID[]::new))
                            .map(this::content).all()
                            .collectMap(ContentRef::contentId)
                            .map(content -> new Library(playlists, content, organisationDefault));
                });
    }

    private ContentRef content(Readable row) {
        var key = row.get("object_key", String.class);
        if (key == null) {
            // a live web page: its content changes at will, so there is nothing to verify and no digest is promised
            return new ContentRef(row.get("id", UUID.class), row.get("url", String.class), null, row.get("media_type", String.class));
        }
        return new ContentRef(row.get("id", UUID.class), store.presignedGet(key, URL_VALIDITY), row.get("sha256", String.class),
                row.get("media_type", String.class));
    }

    private static List<PlaylistEntry> entries(String json) {
        var entries = new ArrayList<PlaylistEntry>();
        JSON.readTree(json).forEach(item -> entries.add(new PlaylistEntry(UUID.fromString(item.get("contentId").asString()),
                item.get("durationMs").asInt())));
        return entries;
    }

    private static CampaignRule campaign(Readable row) {
        var targets = JSON.readTree(row.get("targets", Json.class).asString());
        var dayparts = new ArrayList<Daypart>();
        JSON.readTree(row.get("dayparts", Json.class).asString()).forEach(daypart -> dayparts.add(new Daypart(
                new HashSet<>(strings(daypart.get("weekdays")).stream().map(DayOfWeek::valueOf).toList()),
                LocalTime.parse(daypart.get("start").asString()), LocalTime.parse(daypart.get("end").asString()))));
        var startsAt = row.get("starts_at", java.time.OffsetDateTime.class);
        var endsAt = row.get("ends_at", java.time.OffsetDateTime.class);
        return new CampaignRule(row.get("id", UUID.class), row.get("playlist_id", UUID.class),
                new Targets(strings(targets.get("displayIds")).stream().map(UUID::fromString).toList(),
                        strings(targets.get("groupIds")).stream().map(UUID::fromString).toList(), strings(targets.get("tags")),
                        targets.path("wholeOrganisation").asBoolean(false)),
                new Schedule(row.get("start_date", LocalDate.class), row.get("end_date", LocalDate.class), dayparts, row.get("every_weeks", Integer.class),
                        startsAt == null || endsAt == null ? null : new Schedule.Period(startsAt.toInstant(), endsAt.toInstant())),
                row.get("priority", Integer.class), CampaignKind.valueOf(row.get("kind", String.class).toUpperCase(Locale.ROOT)));
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
