package io.vizora.projector.plan;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlanVersusActualTests {

    private static final UUID POSTER = UUID.randomUUID();
    private static final UUID MENU = UUID.randomUUID();
    private static final UUID SALE = UUID.randomUUID();
    private static final UUID SPRING = UUID.randomUUID();
    private static final UUID WINTER = UUID.randomUUID();

    private static Instant at(String time) {
        return Instant.parse("2026-11-26T" + time + ":00Z");
    }

    private static PlanVersion.Planned slice(String from, String to, UUID campaign, UUID... contents) {
        return new PlanVersion.Planned(at(from), at(to), campaign == null ? "blank" : "campaign",
                campaign == null ? List.of() : List.of(campaign), List.of(contents));
    }

    private static ReportedPlay played(String time, UUID content, UUID campaign) {
        return new ReportedPlay(at(time), content, campaign, false, 10_000);
    }

    /** v1 (08:00): posters all morning; v2 (10:00): the menu from 10 to 12. */
    private static final List<PlanVersion> PLANS = List.of(
            new PlanVersion(1, at("08:00"), List.of(slice("08:00", "12:00", SPRING, POSTER))),
            new PlanVersion(2, at("10:00"), List.of(slice("10:00", "12:00", WINTER, MENU, SALE))));

    @Test
    void thePlanAtAnInstantIsTheNewestManifestCompiledByThen() {
        var report = PlanVersusActual.compare(PLANS, List.of(), at("08:00"), at("12:00"));

        assertThat(report.segments()).extracting(PlanVersusActual.Segment::start, PlanVersusActual.Segment::end,
                        PlanVersusActual.Segment::manifestVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(at("08:00"), at("10:00"), 1L),
                        org.assertj.core.groups.Tuple.tuple(at("10:00"), at("12:00"), 2L));
        assertThat(report.plannedSeconds()).isEqualTo(4 * 3600);
    }

    @Test
    void eachSegmentSaysWhatPlayedWhatWasMissingAndWhatPlayedUnplanned() {
        var plays = List.of(played("08:30", POSTER, SPRING), played("08:31", POSTER, SPRING), played("09:00", MENU, WINTER),
                new ReportedPlay(at("09:30"), POSTER, SPRING, true, 0), played("10:05", MENU, WINTER));

        var report = PlanVersusActual.compare(PLANS, plays, at("08:00"), at("12:00"));

        var morning = report.segments().getFirst();
        assertThat(morning.played()).isEqualTo(Map.of(POSTER, 2L));
        assertThat(morning.unplanned()).isEqualTo(Map.of(MENU, 1L));
        assertThat(morning.failed()).isEqualTo(1);
        assertThat(morning.missing()).isEmpty();
        var late = report.segments().getLast();
        assertThat(late.played()).isEqualTo(Map.of(MENU, 1L));
        assertThat(late.missing()).containsExactly(SALE);
        assertThat(report.missingItems()).isEqualTo(1);
        assertThat(report.unplannedPlays()).isEqualTo(1);
        assertThat(report.segmentsWithoutPlays()).isZero();
    }

    @Test
    void aSegmentNobodyPlayedCountsAndPlaysNoPlanCoveredAreUnplanned() {
        var plans = List.of(new PlanVersion(1, at("08:00"), List.of(slice("09:00", "10:00", SPRING, POSTER), slice("10:00", "11:00", null))));
        var plays = List.of(played("08:30", POSTER, SPRING), played("10:30", POSTER, SPRING), played("13:00", POSTER, SPRING));

        var report = PlanVersusActual.compare(plans, plays, at("08:00"), at("12:00"));

        assertThat(report.segmentsWithoutPlays()).as("09-10 planned, nothing played").isEqualTo(1);
        assertThat(report.plannedSeconds()).as("blank time is not planned time").isEqualTo(3600);
        assertThat(report.playsOutsideAnyPlan()).as("08:30; 13:00 is outside the period").isEqualTo(1);
        assertThat(report.unplannedPlays()).as("08:30 outside any plan, 10:30 on a blank screen").isEqualTo(2);
    }

    @Test
    void aCampaignsDeliveryComparesItsPlannedTimeWithItsPlays() {
        var plays = List.of(played("08:30", POSTER, SPRING), played("10:30", POSTER, SPRING), played("11:00", MENU, WINTER));

        var spring = PlanVersusActual.campaign(PLANS, plays, at("08:00"), at("12:00"), SPRING);
        var winter = PlanVersusActual.campaign(PLANS, plays, at("08:00"), at("12:00"), WINTER);

        assertThat(spring).isEqualTo(new PlanVersusActual.CampaignDelivery(7200, 1, 0, 2, 20, 1));
        assertThat(winter).isEqualTo(new PlanVersusActual.CampaignDelivery(7200, 1, 0, 1, 10, 0));
        assertThat(PlanVersusActual.campaign(PLANS, List.of(), at("08:00"), at("12:00"), WINTER).segmentsMissed()).isEqualTo(1);
    }
}
