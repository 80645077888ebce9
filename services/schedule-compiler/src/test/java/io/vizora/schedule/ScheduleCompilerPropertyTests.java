package io.vizora.schedule;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random campaigns in random zones, compiled, and checked against an independent oracle that
 * decides each instant from the display's wall clock, the way an operator reads a campaign.
 */
class ScheduleCompilerPropertyTests {

    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney",
            "Pacific/Auckland", "America/Santiago", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham");
    private static final Instant EPOCH = Instant.parse("2026-09-01T00:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    record Scenario(ZoneId zone, List<CampaignRule> campaigns, Instant from, boolean organisationDefault) {

        DisplaySetting display() {
            return new DisplaySetting(Fixtures.id(1), zone, Set.of(Fixtures.id(2)), Set.of("lobby"), Optional.empty());
        }

        Library library() {
            return Fixtures.library(organisationDefault ? Optional.of(Fixtures.id(200)) : Optional.empty(),
                    IntStream.rangeClosed(0, 12).toArray());
        }

        Timeline compile() {
            return ScheduleCompiler.compile(display(), campaigns, library(), from, WEEK);
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        var zone = Arbitraries.of(ZONES).map(ZoneId::of);
        var from = Arbitraries.longs().between(0, Duration.ofDays(240).toMinutes()).map(minutes -> EPOCH.plus(Duration.ofMinutes(minutes)));
        return Combinators.combine(zone, campaigns(), from, Arbitraries.of(true, false)).as(Scenario::new);
    }

    private Arbitrary<List<CampaignRule>> campaigns() {
        var time = Arbitraries.integers().between(0, 24 * 4 - 1).map(quarter -> LocalTime.of(quarter / 4, quarter % 4 * 15));
        var weekdays = Arbitraries.of(DayOfWeek.values()).set().ofMinSize(1).ofMaxSize(7).map(EnumSet::copyOf);
        var daypart = Combinators.combine(weekdays, time, time).as(Daypart::new);
        var start = Arbitraries.integers().between(0, 250).map(days -> LocalDate.of(2026, 9, 1).plusDays(days));
        var campaign = Combinators.combine(
                Arbitraries.integers().between(1, 12),
                start, Arbitraries.integers().between(0, 30),
                daypart.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(CampaignKind.values()),
                Arbitraries.of("lobby", "kitchen"))
                .as((n, first, days, dayparts, everyWeeks, priority, kind, tag) -> new CampaignRule(Fixtures.id(100 + n), Fixtures.id(200 + n),
                        Fixtures.tag(tag), new Schedule(first, first.plusDays(days), dayparts, everyWeeks), priority, kind));
        return campaign.list().ofMaxSize(6).uniqueElements(CampaignRule::campaignId);
    }

    @Property(tries = 300)
    void theSlicesCoverTheHorizonExactlyAndEachDiffersFromTheNext(@ForAll("scenarios") Scenario scenario) {
        var timeline = scenario.compile();

        assertThat(timeline.slices().getFirst().start()).isEqualTo(scenario.from());
        assertThat(timeline.slices().getLast().end()).isEqualTo(scenario.from().plus(WEEK));
        for (int i = 1; i < timeline.slices().size(); i++) {
            var previous = timeline.slices().get(i - 1);
            var next = timeline.slices().get(i);
            assertThat(next.start()).isEqualTo(previous.end());
            assertThat(List.of(next.source(), next.campaignIds())).isNotEqualTo(List.of(previous.source(), previous.campaignIds()));
        }
    }

    @Property(tries = 300)
    void everyInstantPlaysWhatTheRulesSayOnTheDisplaysWallClock(@ForAll("scenarios") Scenario scenario,
                                                               @ForAll("offsets") List<Long> minutesIn) {
        var timeline = scenario.compile();
        for (var minutes : minutesIn) {
            var instant = scenario.from().plus(Duration.ofMinutes(minutes));
            if (nearAnOffsetChange(scenario.zone(), instant)) {
                continue;
            }
            var expected = oracle(scenario, instant);
            var slice = timeline.at(instant);
            assertThat(slice.campaignIds()).as("%s at %s", scenario, instant).isEqualTo(expected);
            if (expected.isEmpty()) {
                assertThat(slice.source()).isEqualTo(scenario.organisationDefault() ? Slice.Source.ORGANISATION_DEFAULT : Slice.Source.BLANK);
            } else {
                assertThat(slice.items()).extracting(PlayItem::campaignId).containsExactlyInAnyOrderElementsOf(
                        expected.size() == 1 ? List.of(expected.getFirst()) : expected);
            }
        }
    }

    @Provide
    Arbitrary<List<Long>> offsets() {
        return Arbitraries.longs().between(0, WEEK.toMinutes() - 1).list().ofSize(40);
    }

    /** The winners at an instant, decided from the wall clock alone, without the compiler's windows. */
    private static List<UUID> oracle(Scenario scenario, Instant instant) {
        var local = LocalDateTime.ofInstant(instant, scenario.zone());
        var display = scenario.display();
        var active = scenario.campaigns().stream()
                .filter(campaign -> campaign.targets().reach(display))
                .filter(campaign -> isOpen(campaign.schedule(), local))
                .toList();
        for (var kind : List.of(CampaignKind.TAKEOVER, CampaignKind.NORMAL)) {
            var ofKind = active.stream().filter(campaign -> campaign.kind() == kind).toList();
            if (!ofKind.isEmpty()) {
                var top = ofKind.stream().mapToInt(CampaignRule::priority).max().orElseThrow();
                return ofKind.stream().filter(campaign -> campaign.priority() == top).map(CampaignRule::campaignId)
                        .sorted(Comparator.naturalOrder()).toList();
            }
        }
        return List.of();
    }

    private static boolean isOpen(Schedule schedule, LocalDateTime local) {
        for (var opened : List.of(local.toLocalDate(), local.toLocalDate().minusDays(1))) {
            for (var daypart : schedule.dayparts()) {
                if (!schedule.opensOn(opened, daypart)) {
                    continue;
                }
                var start = LocalDateTime.of(opened, daypart.start());
                var end = LocalDateTime.of(daypart.crossesMidnight() ? opened.plusDays(1) : opened, daypart.end());
                if (!local.isBefore(start) && local.isBefore(end)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Around a DST change wall-clock reading is ambiguous; those hours have example tests of their own. */
    private static boolean nearAnOffsetChange(ZoneId zone, Instant instant) {
        var next = zone.getRules().nextTransition(instant.minus(Duration.ofHours(26)));
        return next != null && next.getInstant().isBefore(instant.plus(Duration.ofHours(26)));
    }
}
