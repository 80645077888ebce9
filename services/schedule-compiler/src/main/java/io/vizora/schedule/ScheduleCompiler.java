package io.vizora.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Turns a display's campaigns into what it plays, slice by slice, from an instant over a horizon
 * (seven days for a manifest). At every instant:
 * <ol>
 *   <li>the active takeovers of the highest priority, if any;</li>
 *   <li>else the active normal campaigns of the highest priority;</li>
 *   <li>else the display's default playlist, else the organisation's, else a blank screen.</li>
 * </ol>
 * Several winners of equal priority interleave: ordered by campaign id, their playlists give one
 * item each in turn (item i of each, wrapping shorter playlists) until the longest is through.
 * A campaign counts as active only while one of its windows is open and its playlist has anything
 * playable, so a campaign whose content is gone never blanks a screen that has a default.
 * Wall-clock times follow {@link LocalTimes} across daylight-saving changes.
 */
public final class ScheduleCompiler {

    private record Window(Instant start, Instant end, CampaignRule campaign) {
    }

    private record Decision(Slice.Source source, List<CampaignRule> winners, UUID defaultPlaylistId) {
    }

    private ScheduleCompiler() {
    }

    public static Timeline compile(DisplaySetting display, List<CampaignRule> campaigns, Library library, Instant from, Duration horizon) {
        var to = from.plus(horizon);
        var playable = contenders(display, campaigns, library);
        var windows = new ArrayList<Window>();
        for (var campaign : campaigns) {
            if (playable.containsKey(campaign.campaignId())) {
                windows.addAll(windows(campaign, display, from, to));
            }
        }
        var fallback = fallback(display, library);
        var slices = new ArrayList<Slice>();
        var boundaries = new TreeSet<Instant>(List.of(from, to));
        var starting = new HashMap<Instant, List<Window>>();
        var ending = new HashMap<Instant, List<Window>>();
        for (var window : windows) {
            boundaries.add(window.start());
            boundaries.add(window.end());
            starting.computeIfAbsent(window.start(), instant -> new ArrayList<>()).add(window);
            ending.computeIfAbsent(window.end(), instant -> new ArrayList<>()).add(window);
        }
        var open = new HashMap<CampaignRule, Integer>();
        Instant sliceStart = null;
        Decision current = null;
        for (var instant : boundaries) {
            ending.getOrDefault(instant, List.of()).forEach(window -> open.merge(window.campaign(), -1, Integer::sum));
            starting.getOrDefault(instant, List.of()).forEach(window -> open.merge(window.campaign(), 1, Integer::sum));
            open.values().removeIf(count -> count <= 0);
            if (instant.equals(to)) {
                break;
            }
            var decision = decide(open.keySet(), fallback);
            if (!decision.equals(current)) {
                if (current != null) {
                    slices.add(slice(sliceStart, instant, current, playable, library));
                }
                sliceStart = instant;
                current = decision;
            }
        }
        slices.add(slice(sliceStart, to, current, playable, library));
        return new Timeline(display.displayId(), from, to, slices);
    }

    /**
     * Every window in [from, to) of every campaign that counts for the display (it reaches the display
     * and has something to play), winning or not, in order of start: beside the compiled timeline it
     * shows which campaigns wanted the time that another won.
     */
    public static List<CampaignWindow> windows(DisplaySetting display, List<CampaignRule> campaigns, Library library, Instant from, Duration horizon) {
        var counted = contenders(display, campaigns, library);
        return campaigns.stream().filter(campaign -> counted.containsKey(campaign.campaignId()))
                .flatMap(campaign -> windows(campaign, display, from, from.plus(horizon)).stream())
                .map(window -> new CampaignWindow(window.campaign().campaignId(), window.start(), window.end()))
                .sorted(Comparator.comparing(CampaignWindow::start).thenComparing(CampaignWindow::campaignId))
                .toList();
    }

    /** The campaigns that count for a display, with their playable items: those that reach it and have something to play. */
    private static Map<UUID, List<PlayItem>> contenders(DisplaySetting display, List<CampaignRule> campaigns, Library library) {
        var playable = new HashMap<UUID, List<PlayItem>>();
        for (var campaign : campaigns) {
            if (campaign.targets().reach(display)) {
                var items = library.playable(campaign.playlistId(), campaign.campaignId());
                if (!items.isEmpty()) {
                    playable.put(campaign.campaignId(), items);
                }
            }
        }
        return playable;
    }

    /**
     * The windows of a campaign that overlap [from, to), clipped to it and to the campaign's period;
     * a window opened the day before may reach in.
     */
    private static List<Window> windows(CampaignRule campaign, DisplaySetting display, Instant from, Instant to) {
        var zone = display.zone();
        var schedule = campaign.schedule();
        if (schedule.period() != null) {
            from = from.isBefore(schedule.period().startsAt()) ? schedule.period().startsAt() : from;
            to = to.isAfter(schedule.period().endsAt()) ? schedule.period().endsAt() : to;
            if (!from.isBefore(to)) {
                return List.of();
            }
        }
        var windows = new ArrayList<Window>();
        var last = LocalDate.ofInstant(to, zone);
        for (var date = LocalDate.ofInstant(from, zone).minusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
            for (var daypart : schedule.dayparts()) {
                if (!schedule.opensOn(date, daypart)) {
                    continue;
                }
                var start = LocalTimes.instant(date, daypart.start(), zone);
                var end = LocalTimes.instant(daypart.crossesMidnight() ? date.plusDays(1) : date, daypart.end(), zone);
                var clippedStart = start.isBefore(from) ? from : start;
                var clippedEnd = end.isAfter(to) ? to : end;
                if (clippedStart.isBefore(clippedEnd)) {
                    windows.add(new Window(clippedStart, clippedEnd, campaign));
                }
            }
        }
        return windows;
    }

    private static Decision fallback(DisplaySetting display, Library library) {
        var own = display.defaultPlaylistId().filter(id -> !library.playable(id, null).isEmpty());
        if (own.isPresent()) {
            return new Decision(Slice.Source.DISPLAY_DEFAULT, List.of(), own.get());
        }
        var organisation = library.organisationDefaultPlaylistId().filter(id -> !library.playable(id, null).isEmpty());
        return organisation.map(id -> new Decision(Slice.Source.ORGANISATION_DEFAULT, List.of(), id))
                .orElse(new Decision(Slice.Source.BLANK, List.of(), null));
    }

    private static Decision decide(Set<CampaignRule> active, Decision fallback) {
        for (var kind : List.of(CampaignKind.TAKEOVER, CampaignKind.NORMAL)) {
            var ofKind = active.stream().filter(campaign -> campaign.kind() == kind).toList();
            if (!ofKind.isEmpty()) {
                var top = ofKind.stream().mapToInt(CampaignRule::priority).max().orElseThrow();
                var winners = ofKind.stream().filter(campaign -> campaign.priority() == top)
                        .sorted(Comparator.comparing(CampaignRule::campaignId)).toList();
                return new Decision(kind == CampaignKind.TAKEOVER ? Slice.Source.TAKEOVER : Slice.Source.CAMPAIGN, winners, null);
            }
        }
        return fallback;
    }

    private static Slice slice(Instant start, Instant end, Decision decision, Map<UUID, List<PlayItem>> playable, Library library) {
        var campaignIds = decision.winners().stream().map(CampaignRule::campaignId).toList();
        List<PlayItem> items = decision.defaultPlaylistId() != null
                ? library.playable(decision.defaultPlaylistId(), null)
                : interleave(campaignIds.stream().map(playable::get).filter(Objects::nonNull).toList());
        return new Slice(start, end, decision.source(), campaignIds, items);
    }

    /** Item i of each playlist in turn, shorter ones wrapping, until the longest is through. */
    static List<PlayItem> interleave(List<List<PlayItem>> playlists) {
        if (playlists.size() == 1) {
            return playlists.getFirst();
        }
        var longest = playlists.stream().mapToInt(List::size).max().orElse(0);
        var items = new ArrayList<PlayItem>();
        for (int i = 0; i < longest; i++) {
            for (var playlist : playlists) {
                items.add(playlist.get(i % playlist.size()));
            }
        }
        return items;
    }
}
