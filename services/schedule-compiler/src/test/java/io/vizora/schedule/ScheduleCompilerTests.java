package io.vizora.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.vizora.schedule.Fixtures.EVERY_DAY;
import static io.vizora.schedule.Fixtures.campaign;
import static io.vizora.schedule.Fixtures.daypart;
import static io.vizora.schedule.Fixtures.display;
import static io.vizora.schedule.Fixtures.id;
import static io.vizora.schedule.Fixtures.library;
import static io.vizora.schedule.Fixtures.schedule;
import static java.time.DayOfWeek.FRIDAY;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleCompilerTests {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Schedule ALL_DAY = schedule("2026-01-01", "2027-12-31", daypart(EVERY_DAY, "00:00", "00:00"));

    private static Instant at(String localDateTime, String zone) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), java.time.ZoneId.of(zone)).toInstant();
    }

    @Test
    void aTakeoverBeatsEveryNormalCampaignWhateverTheirPriority() {
        var normal = campaign(1, 1000, CampaignKind.NORMAL, ALL_DAY);
        var takeover = campaign(2, 0, CampaignKind.TAKEOVER, schedule("2026-12-01", "2026-12-01", daypart(EVERY_DAY, "12:00", "13:00")));
        var timeline = ScheduleCompiler.compile(display("UTC"), List.of(normal, takeover), library(Optional.empty(), 1, 2),
                Instant.parse("2026-12-01T00:00:00Z"), WEEK);

        assertThat(timeline.at(Instant.parse("2026-12-01T12:30:00Z")).source()).isEqualTo(Slice.Source.TAKEOVER);
        assertThat(timeline.at(Instant.parse("2026-12-01T12:30:00Z")).campaignIds()).containsExactly(id(102));
        assertThat(timeline.at(Instant.parse("2026-12-01T13:00:00Z")).campaignIds()).containsExactly(id(101));
        assertThat(timeline.slices()).hasSize(3);
    }

    @Test
    void aTakeoverForAPeriodStartsAndEndsAtTheSameInstantsOnDisplaysInEveryTimeZone() {
        var normal = campaign(1, 1000, CampaignKind.NORMAL, ALL_DAY);
        var startsAt = Instant.parse("2026-12-01T23:50:00Z");
        var endsAt = Instant.parse("2026-12-02T00:20:00Z");
        var takeover = campaign(2, 0, CampaignKind.TAKEOVER, Schedule.within(startsAt, endsAt));
        for (var zone : List.of("Pacific/Kiritimati", "UTC", "America/New_York", "Etc/GMT+12")) {
            var timeline = ScheduleCompiler.compile(display(zone), List.of(normal, takeover), library(Optional.empty(), 1, 2),
                    Instant.parse("2026-12-01T00:00:00Z"), WEEK);

            assertThat(timeline.at(startsAt.minusMillis(1)).campaignIds()).as(zone).containsExactly(id(101));
            assertThat(timeline.at(startsAt).campaignIds()).as(zone).containsExactly(id(102));
            assertThat(timeline.at(endsAt.minusMillis(1)).source()).as(zone).isEqualTo(Slice.Source.TAKEOVER);
            assertThat(timeline.at(endsAt).campaignIds()).as(zone).containsExactly(id(101));
            assertThat(timeline.slices()).as(zone).hasSize(3);
        }
    }

    @Test
    void aCampaignForTheWholeOrganisationReachesEveryDisplayWhateverItsGroupsAndTags() {
        var everywhere = new Targets(List.of(), List.of(), List.of(), true);

        assertThat(everywhere.none()).isFalse();
        assertThat(everywhere.reach(display("UTC"))).isTrue();
        assertThat(new Targets(List.of(), List.of(), List.of()).none()).isTrue();
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsAProblem() {
        assertThat(new Schedule(java.time.LocalDate.parse("2026-12-01"), java.time.LocalDate.parse("2026-12-02"),
                List.of(daypart(EVERY_DAY, "00:00", "00:00")), 1,
                new Schedule.Period(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"))).problems())
                .containsExactly("the period ends at 2026-12-01T10:00:00Z, not after it starts at 2026-12-01T10:00:00Z");
    }

    @Test
    void theHighestPriorityWinsAndEqualPrioritiesInterleaveByCampaignId() {
        var low = campaign(1, 10, CampaignKind.NORMAL, ALL_DAY);
        var highA = campaign(3, 50, CampaignKind.NORMAL, schedule("2026-12-02", "2026-12-02", daypart(EVERY_DAY, "08:00", "10:00")));
        var highB = campaign(2, 50, CampaignKind.NORMAL, schedule("2026-12-02", "2026-12-02", daypart(EVERY_DAY, "09:00", "11:00")));
        var timeline = ScheduleCompiler.compile(display("UTC"), List.of(low, highA, highB), library(Optional.empty(), 1, 2, 3),
                Instant.parse("2026-12-01T00:00:00Z"), WEEK);

        assertThat(timeline.at(Instant.parse("2026-12-02T07:59:00Z")).campaignIds()).containsExactly(id(101));
        assertThat(timeline.at(Instant.parse("2026-12-02T08:30:00Z")).campaignIds()).containsExactly(id(103));
        var both = timeline.at(Instant.parse("2026-12-02T09:30:00Z"));
        assertThat(both.campaignIds()).containsExactly(id(102), id(103));
        assertThat(both.items()).extracting(PlayItem::campaignId).containsExactly(id(102), id(103));
        assertThat(timeline.at(Instant.parse("2026-12-02T10:30:00Z")).campaignIds()).containsExactly(id(102));
        assertThat(timeline.at(Instant.parse("2026-12-02T11:00:00Z")).campaignIds()).containsExactly(id(101));
    }

    @Test
    void theWindowsOfEveryCampaignThatCountsAreListedWinningOrNotSoAConflictCanBeShown() {
        var low = campaign(1, 10, CampaignKind.NORMAL, schedule("2026-12-02", "2026-12-02", daypart(EVERY_DAY, "08:00", "12:00")));
        var high = campaign(2, 50, CampaignKind.NORMAL, schedule("2026-12-02", "2026-12-02", daypart(EVERY_DAY, "09:00", "10:00")));
        var nothingToPlay = campaign(3, 90, CampaignKind.NORMAL, ALL_DAY);
        var windows = ScheduleCompiler.windows(display("UTC"), List.of(low, high, nothingToPlay), library(Optional.empty(), 1, 2),
                Instant.parse("2026-12-01T00:00:00Z"), WEEK);

        assertThat(windows).containsExactly(
                new CampaignWindow(id(101), Instant.parse("2026-12-02T08:00:00Z"), Instant.parse("2026-12-02T12:00:00Z")),
                new CampaignWindow(id(102), Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-02T10:00:00Z")));
    }

    @Test
    void interleavingTakesItemIOfEachPlaylistWrappingTheShorterOnes() {
        var a1 = new PlayItem(id(1), "a1", "", "image/png", 1000, id(10));
        var a2 = new PlayItem(id(2), "a2", "", "image/png", 1000, id(10));
        var b1 = new PlayItem(id(3), "b1", "", "image/png", 1000, id(11));
        var b2 = new PlayItem(id(4), "b2", "", "image/png", 1000, id(11));
        var b3 = new PlayItem(id(5), "b3", "", "image/png", 1000, id(11));
        assertThat(ScheduleCompiler.interleave(List.of(List.of(a1, a2), List.of(b1, b2, b3)))).containsExactly(a1, b1, a2, b2, a1, b3);
    }

    @Test
    void withNoCampaignTheDisplaysDefaultThenTheOrganisationsThenBlank() {
        var from = Instant.parse("2026-12-01T00:00:00Z");
        var organisationDefault = id(900);
        var library = Fixtures.with(library(Optional.of(organisationDefault)), organisationDefault,
                List.of(new PlaylistEntry(id(901), 5000)), Map.of(id(901), new ContentRef(id(901), "u", "s", "image/png")));
        var displayDefault = id(800);
        library = Fixtures.with(library, displayDefault, List.of(new PlaylistEntry(id(801), 5000)),
                Map.of(id(801), new ContentRef(id(801), "v", "t", "image/png")));
        var plain = display("UTC");
        var withOwn = new DisplaySetting(plain.displayId(), plain.zone(), plain.groupIds(), plain.tags(), Optional.of(displayDefault));

        assertThat(ScheduleCompiler.compile(withOwn, List.of(), library, from, WEEK).slices())
                .singleElement().satisfies(slice -> assertThat(slice.source()).isEqualTo(Slice.Source.DISPLAY_DEFAULT));
        assertThat(ScheduleCompiler.compile(plain, List.of(), library, from, WEEK).slices().getFirst().items())
                .extracting(PlayItem::contentId).containsExactly(id(901));
        assertThat(ScheduleCompiler.compile(plain, List.of(), library(Optional.empty()), from, WEEK).slices())
                .singleElement().satisfies(slice -> {
                    assertThat(slice.source()).isEqualTo(Slice.Source.BLANK);
                    assertThat(slice.items()).isEmpty();
                });
    }

    @Test
    void aCampaignWithNothingPlayableOrAimedElsewhereDoesNotCount() {
        var empty = campaign(1, 10, CampaignKind.NORMAL, ALL_DAY);
        var elsewhere = new CampaignRule(id(102), id(202), Fixtures.tag("kitchen"), ALL_DAY, 10, CampaignKind.NORMAL);
        var timeline = ScheduleCompiler.compile(display("UTC"), List.of(empty, elsewhere), library(Optional.empty(), 2),
                Instant.parse("2026-12-01T00:00:00Z"), WEEK);
        assertThat(timeline.slices()).singleElement().satisfies(slice -> assertThat(slice.source()).isEqualTo(Slice.Source.BLANK));
    }

    @Test
    void aDisplayIsReachedByItsIdItsGroupsAndItsTags() {
        var display = display("UTC");
        assertThat(new Targets(List.of(id(1)), List.of(), List.of()).reach(display)).isTrue();
        assertThat(new Targets(List.of(), List.of(id(2)), List.of()).reach(display)).isTrue();
        assertThat(new Targets(List.of(), List.of(), List.of("lobby")).reach(display)).isTrue();
        assertThat(new Targets(List.of(id(9)), List.of(id(9)), List.of("kitchen")).reach(display)).isFalse();
    }

    @Test
    void aWindowCrossingMidnightPlaysIntoTheNextDayAndBelongsToTheDayItOpened() {
        var fridayNights = campaign(1, 10, CampaignKind.NORMAL, schedule("2026-12-04", "2026-12-04", daypart(Set.of(FRIDAY), "20:00", "01:00")));
        var timeline = ScheduleCompiler.compile(display("Europe/Berlin"), List.of(fridayNights), library(Optional.empty(), 1),
                Instant.parse("2026-12-01T00:00:00Z"), WEEK);

        assertThat(timeline.at(at("2026-12-04T19:59", "Europe/Berlin")).source()).isEqualTo(Slice.Source.BLANK);
        assertThat(timeline.at(at("2026-12-04T20:00", "Europe/Berlin")).source()).isEqualTo(Slice.Source.CAMPAIGN);
        assertThat(timeline.at(at("2026-12-05T00:59", "Europe/Berlin")).source()).isEqualTo(Slice.Source.CAMPAIGN);
        assertThat(timeline.at(at("2026-12-05T01:00", "Europe/Berlin")).source()).isEqualTo(Slice.Source.BLANK);
        assertThat(timeline.at(at("2026-12-05T20:30", "Europe/Berlin")).source()).isEqualTo(Slice.Source.BLANK);
    }

    @Test
    void recurrenceSkipsTheOffWeeks() {
        var fortnightly = new CampaignRule(id(101), id(201), Fixtures.tag("lobby"),
                new Schedule(java.time.LocalDate.parse("2026-11-30"), java.time.LocalDate.parse("2027-01-31"),
                        List.of(daypart(Set.of(java.time.DayOfWeek.MONDAY), "09:00", "17:00")), 2), 10, CampaignKind.NORMAL);
        var timeline = ScheduleCompiler.compile(display("UTC"), List.of(fortnightly), library(Optional.empty(), 1),
                Instant.parse("2026-12-06T00:00:00Z"), Duration.ofDays(14));
        assertThat(timeline.at(Instant.parse("2026-12-07T12:00:00Z")).source()).isEqualTo(Slice.Source.BLANK);
        assertThat(timeline.at(Instant.parse("2026-12-14T12:00:00Z")).source()).isEqualTo(Slice.Source.CAMPAIGN);
    }

    @Test
    void theTimelineStartsAndEndsWhereAskedEvenInsideAWindow() {
        var allDay = campaign(1, 10, CampaignKind.NORMAL, ALL_DAY);
        var from = Instant.parse("2026-12-01T10:17:00Z");
        var timeline = ScheduleCompiler.compile(display("Asia/Kolkata"), List.of(allDay), library(Optional.empty(), 1), from, WEEK);
        assertThat(timeline.slices()).singleElement().satisfies(slice -> {
            assertThat(slice.start()).isEqualTo(from);
            assertThat(slice.end()).isEqualTo(from.plus(WEEK));
        });
    }

    /** Spring forward: a window opening in the gap opens when the gap ends; a window across it is an hour shorter. */
    @Test
    void springForwardInBerlinNewYorkAndSydney() {
        for (var zoneAndDay : List.of(new String[]{"Europe/Berlin", "2027-03-28"}, new String[]{"America/New_York", "2027-03-14"},
                new String[]{"Australia/Sydney", "2026-10-04"})) {
            var zone = zoneAndDay[0];
            var day = java.time.LocalDate.parse(zoneAndDay[1]);
            var inTheGap = campaign(1, 10, CampaignKind.NORMAL, schedule(day.toString(), day.toString(), daypart(EVERY_DAY, "02:30", "04:00")));
            var across = campaign(2, 5, CampaignKind.NORMAL, schedule(day.toString(), day.toString(), daypart(EVERY_DAY, "01:00", "05:00")));
            var timeline = ScheduleCompiler.compile(display(zone), List.of(inTheGap, across), library(Optional.empty(), 1, 2),
                    day.minusDays(1).atStartOfDay(java.time.ZoneId.of(zone)).toInstant(), Duration.ofDays(3));

            var gapEnd = at(day + "T03:00", zone);
            assertThat(timeline.at(gapEnd.minusSeconds(1)).campaignIds()).as(zone).containsExactly(id(102));
            assertThat(timeline.at(gapEnd).campaignIds()).as(zone).containsExactly(id(101));
            var acrossSlices = timeline.slices().stream().filter(slice -> slice.campaignIds().contains(id(102)) || slice.campaignIds().contains(id(101))).toList();
            var played = acrossSlices.stream().map(slice -> Duration.between(slice.start(), slice.end())).reduce(Duration.ZERO, Duration::plus);
            assertThat(played).as(zone + ": 01:00 to 05:00 on a 23-hour day").isEqualTo(Duration.ofHours(3));
        }
    }

    /** Fall back: a time that happens twice means its first occurrence; a window across the change is an hour longer. */
    @Test
    void fallBackInBerlinNewYorkAndSydney() {
        for (var zoneAndDay : List.of(new String[]{"Europe/Berlin", "2026-10-25", "02:30"}, new String[]{"America/New_York", "2026-11-01", "01:30"},
                new String[]{"Australia/Sydney", "2027-04-04", "02:30"})) {
            var zone = java.time.ZoneId.of(zoneAndDay[0]);
            var day = java.time.LocalDate.parse(zoneAndDay[1]);
            var twice = java.time.LocalTime.parse(zoneAndDay[2]);
            var fromTwice = campaign(1, 10, CampaignKind.NORMAL, schedule(day.toString(), day.toString(), daypart(EVERY_DAY, zoneAndDay[2], "06:00")));
            var across = campaign(2, 5, CampaignKind.NORMAL, schedule(day.toString(), day.toString(), daypart(EVERY_DAY, "00:00", "06:00")));
            var timeline = ScheduleCompiler.compile(new DisplaySetting(Fixtures.id(1), zone, Set.of(), Set.of("lobby"), Optional.empty()),
                    List.of(fromTwice, across), library(Optional.empty(), 1, 2), day.minusDays(1).atStartOfDay(zone).toInstant(), Duration.ofDays(3));

            var first = java.time.LocalDateTime.of(day, twice).atZone(zone).withEarlierOffsetAtOverlap().toInstant();
            assertThat(timeline.at(first.minusSeconds(1)).campaignIds()).as(zone.getId()).containsExactly(id(102));
            assertThat(timeline.at(first).campaignIds()).as(zone.getId()).containsExactly(id(101));
            var played = timeline.slices().stream().filter(slice -> !slice.campaignIds().isEmpty())
                    .map(slice -> Duration.between(slice.start(), slice.end())).reduce(Duration.ZERO, Duration::plus);
            assertThat(played).as(zone.getId() + ": 00:00 to 06:00 on a 25-hour day").isEqualTo(Duration.ofHours(7));
        }
    }
}
