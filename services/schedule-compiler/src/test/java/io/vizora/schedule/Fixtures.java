package io.vizora.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Displays, campaigns and a library to compile, built in a line each. */
final class Fixtures {

    static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    private Fixtures() {
    }

    static UUID id(int n) {
        return new UUID(0, n);
    }

    static DisplaySetting display(String zone) {
        return new DisplaySetting(id(1), ZoneId.of(zone), Set.of(id(2)), Set.of("lobby"), Optional.empty());
    }

    static Daypart daypart(Set<DayOfWeek> days, String start, String end) {
        return new Daypart(days, LocalTime.parse(start), LocalTime.parse(end));
    }

    static Schedule schedule(String start, String end, Daypart... dayparts) {
        return new Schedule(LocalDate.parse(start), LocalDate.parse(end), List.of(dayparts), 1);
    }

    static Targets tag(String tag) {
        return new Targets(List.of(), List.of(), List.of(tag));
    }

    static CampaignRule campaign(int n, int priority, CampaignKind kind, Schedule schedule) {
        return new CampaignRule(id(100 + n), id(200 + n), tag("lobby"), schedule, priority, kind);
    }

    /** Playlist 200+n holds content 300+n (and 400+n when {@code twoItems}) for every campaign n given. */
    static Library library(Optional<UUID> organisationDefault, int... campaigns) {
        var playlists = new HashMap<UUID, List<PlaylistEntry>>();
        var content = new HashMap<UUID, ContentRef>();
        for (var n : campaigns) {
            playlists.put(id(200 + n), List.of(new PlaylistEntry(id(300 + n), 10_000)));
            content.put(id(300 + n), new ContentRef(id(300 + n), "https://cdn.example/" + n, "%064x".formatted(n), "image/png"));
        }
        return new Library(playlists, content, organisationDefault);
    }

    static Library with(Library library, UUID playlistId, List<PlaylistEntry> entries, Map<UUID, ContentRef> content) {
        var playlists = new HashMap<>(library.playlists());
        playlists.put(playlistId, entries);
        var refs = new HashMap<>(library.content());
        refs.putAll(content);
        return new Library(playlists, refs, library.organisationDefaultPlaylistId());
    }
}
