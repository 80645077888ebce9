package io.vizora.command.scheduling.domain;

import io.vizora.schedule.Daypart;
import io.vizora.schedule.CampaignKind;
import io.vizora.schedule.Schedule;
import io.vizora.schedule.Targets;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignTests {

    private static final Schedule ALL_WEEK = new Schedule(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"),
            List.of(new Daypart(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)), 1);
    private static final Targets LOBBY = new Targets(List.of(), List.of(), List.of("lobby"));
    private static final Targets NOWHERE = new Targets(List.of(), List.of(), List.of());
    private static final java.time.Instant NOW = java.time.Instant.parse("2026-12-05T12:00:00Z");

    private static Campaign campaign(Targets targets, int priority) {
        return new Campaign("Winter", UUID.randomUUID(), targets, ALL_WEEK, priority, CampaignKind.NORMAL);
    }

    @Test
    void aDraftMayTargetNothingYetButMayNotBePublishedSo() {
        var draft = campaign(NOWHERE, 100);
        assertThat(draft.problems()).isEmpty();
        assertThat(draft.problemsToPublish(LocalDate.parse("2026-11-26"), NOW, 3)).containsExactly("the campaign targets no display, group or tag");
    }

    @Test
    void aTakeoverNowIsOfTheHighestPriorityForItsPeriodAndCannotBePublishedOnceItIsOver() {
        var takeover = Campaign.takeoverNow("Fire drill", UUID.randomUUID(), new Targets(List.of(), List.of(), List.of(), true), NOW,
                java.time.Duration.ofMinutes(30));

        assertThat(takeover.kind()).isEqualTo(CampaignKind.TAKEOVER);
        assertThat(takeover.priority()).isEqualTo(Campaign.MAX_PRIORITY);
        assertThat(takeover.schedule().period()).isEqualTo(new Schedule.Period(NOW, NOW.plusSeconds(1800)));
        assertThat(takeover.problemsToPublish(LocalDate.parse("2026-12-05"), NOW, 1)).isEmpty();
        assertThat(takeover.problemsToPublish(LocalDate.parse("2026-12-05"), NOW.plusSeconds(1800), 1))
                .containsExactly("its period ended at 2026-12-05T12:30:00Z");
    }

    @Test
    void publishingNeedsSomethingToPlayAndADayLeftToPlayOn() {
        var campaign = campaign(LOBBY, 100);
        assertThat(campaign.problemsToPublish(LocalDate.parse("2026-12-31"), NOW, 1)).isEmpty();
        assertThat(campaign.problemsToPublish(LocalDate.parse("2027-01-01"), NOW, 0))
                .containsExactly("its playlist is empty", "its end date 2026-12-31 has passed");
    }

    @Test
    void priorityGoesFromZeroToAThousand() {
        assertThat(campaign(LOBBY, 0).problems()).isEmpty();
        assertThat(campaign(LOBBY, 1000).problems()).isEmpty();
        assertThat(campaign(LOBBY, 1001).problems()).containsExactly("the priority is 1001; it goes from 0 to 1000");
        assertThat(campaign(LOBBY, -1).problems()).hasSize(1);
    }

    @Test
    void theEventCarriesTheWholeCampaignWithWeekdaysAsTheContractSpellsThem() {
        var id = UUID.randomUUID();
        var snapshot = SchedulingEvents.CampaignSnapshot.of(id, campaign(LOBBY, 5));
        assertThat(snapshot.dayparts().getFirst().weekdays()).containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
        assertThat(snapshot.dayparts().getFirst().start()).isEqualTo("00:00");
        assertThat(snapshot.recurrence()).isNull();
        assertThat(snapshot.kind()).isEqualTo("normal");
        assertThat(snapshot.startDate()).isEqualTo("2026-12-01");
    }
}
