package io.vizora.projector;

import io.vizora.testsupport.DomainEvents;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A random but valid history of one organisation: groups, displays, content, playlists and
 * campaigns created, changed, published, ended and deleted, in an order the command side allows.
 */
final class Workload {

    private static final List<String> TAGS = List.of("lobby", "menu", "window");
    private static final List<String> ZONES = List.of("Europe/Berlin", "Australia/Sydney", "America/New_York", "Asia/Kolkata");
    private static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

    private final Random random;
    private final DomainEvents events;
    private final UUID tenant;
    private int sent;

    Workload(long seed, DomainEvents events, UUID tenant) {
        this.random = new Random(seed);
        this.events = events;
        this.tenant = tenant;
    }

    /** Sends the history; returns how many events it sent. */
    int run() {
        var groups = repeat(3, () -> {
            var id = UUID.randomUUID();
            send("vizora.fleet.display_group_created.v1", id, Map.of("groupId", id.toString(), "name", "Group " + id));
            return id;
        });
        var displays = repeat(12, () -> {
            var id = UUID.randomUUID();
            send("vizora.fleet.display_paired.v1", id, display(id, groups));
            return id;
        });
        var content = repeat(5, () -> {
            var id = UUID.randomUUID();
            send("vizora.content.content_uploaded.v1", id, Map.of("contentId", id.toString(), "name", "Item", "kind", "image",
                    "mediaType", "image/png", "sizeBytes", 100, "sha256", "%064x".formatted(random.nextLong() & Long.MAX_VALUE),
                    "objectKey", "tenants/" + tenant + "/content/" + id + "/original"));
            return id;
        });
        var playlists = repeat(3, () -> {
            var id = UUID.randomUUID();
            send("vizora.scheduling.playlist_created.v1", id, playlist(id, content));
            return id;
        });
        send("vizora.scheduling.default_playlist_set.v1", tenant, Map.of("playlistId", playlists.get(1).toString()));
        var withDefault = new HashMap<>(display(displays.get(2), groups));
        withDefault.put("defaultPlaylistId", playlists.get(2).toString());
        send("vizora.fleet.display_updated.v1", displays.get(2), withDefault);
        var campaigns = repeat(6, () -> {
            var id = UUID.randomUUID();
            send("vizora.scheduling.campaign_created.v1", id, campaign(id, pick(playlists), groups, displays));
            return id;
        });
        for (var campaign : campaigns) {
            if (random.nextInt(4) > 0) {
                send("vizora.scheduling.campaign_published.v1", campaign, Map.of("campaignId", campaign.toString()));
                if (random.nextBoolean()) {
                    send("vizora.scheduling.campaign_updated.v1", campaign, campaign(campaign, pick(playlists), groups, displays));
                }
                if (random.nextInt(4) == 0) {
                    send("vizora.scheduling.campaign_ended.v1", campaign, Map.of("campaignId", campaign.toString(), "reason", "ended_by_operator"));
                }
            }
        }
        send("vizora.scheduling.playlist_updated.v1", playlists.getFirst(), playlist(playlists.getFirst(), content));
        send("vizora.fleet.display_updated.v1", displays.get(1), display(displays.get(1), groups));
        send("vizora.fleet.display_unpaired.v1", displays.getFirst(), Map.of("displayId", displays.getFirst().toString()));
        send("vizora.fleet.display_group_renamed.v1", groups.get(1), Map.of("groupId", groups.get(1).toString(), "name", "Renamed"));
        send("vizora.fleet.display_group_deleted.v1", groups.getFirst(), Map.of("groupId", groups.getFirst().toString()));
        send("vizora.content.content_renamed.v1", content.get(1), Map.of("contentId", content.get(1).toString(), "name", "Renamed"));
        return sent;
    }

    private Map<String, Object> display(UUID id, List<UUID> groups) {
        return Map.of("displayId", id.toString(), "name", "Display " + id, "timeZone", pick(ZONES),
                "groupIds", some(groups).stream().map(UUID::toString).toList(), "tags", some(TAGS));
    }

    private Map<String, Object> playlist(UUID id, List<UUID> content) {
        var items = some(content).stream().map(item -> Map.<String, Object>of("contentId", item.toString(), "durationMs", 1000 * (1 + random.nextInt(20))))
                .toList();
        return Map.of("playlistId", id.toString(), "name", "Playlist", "items", items);
    }

    private Map<String, Object> campaign(UUID id, UUID playlist, List<UUID> groups, List<UUID> displays) {
        var campaign = new HashMap<String, Object>();
        var start = LocalDate.now().plusDays(random.nextInt(5) - 2);
        campaign.put("campaignId", id.toString());
        campaign.put("name", "Campaign");
        campaign.put("playlistId", playlist.toString());
        campaign.put("targets", Map.of("displayIds", some(displays).stream().limit(2).map(UUID::toString).toList(),
                "groupIds", some(groups).stream().map(UUID::toString).toList(), "tags", some(TAGS)));
        campaign.put("startDate", start.toString());
        campaign.put("endDate", start.plusDays(random.nextInt(20)).toString());
        var dayparts = new ArrayList<Map<String, Object>>();
        for (int i = 0; i <= random.nextInt(2); i++) {
            var weekdays = some(WEEKDAYS);
            dayparts.add(Map.of("weekdays", weekdays.isEmpty() ? List.of("MONDAY") : weekdays,
                    "start", "%02d:%02d".formatted(random.nextInt(24), 15 * random.nextInt(4)),
                    "end", "%02d:%02d".formatted(random.nextInt(24), 15 * random.nextInt(4))));
        }
        campaign.put("dayparts", dayparts);
        campaign.put("priority", random.nextInt(3));
        campaign.put("kind", random.nextInt(5) == 0 ? "takeover" : "normal");
        if (random.nextBoolean()) {
            campaign.put("recurrence", Map.of("everyWeeks", 1 + random.nextInt(2)));
        }
        return campaign;
    }

    private void send(String type, UUID subject, Map<String, Object> data) {
        events.send(tenant, type, subject, data);
        sent++;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> List<T> some(List<T> values) {
        return values.stream().filter(value -> random.nextBoolean()).toList();
    }

    private <T> List<T> repeat(int times, java.util.function.Supplier<T> make) {
        var made = new ArrayList<T>();
        for (int i = 0; i < times; i++) {
            made.add(make.get());
        }
        return made;
    }
}
