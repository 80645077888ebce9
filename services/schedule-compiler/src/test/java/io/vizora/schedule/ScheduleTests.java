package io.vizora.schedule;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTests {

    private static final Set<DayOfWeek> WORKDAYS = Set.of(MONDAY, TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, FRIDAY);

    private static Daypart daypart(Set<DayOfWeek> days, String start, String end) {
        return new Daypart(days, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static Schedule schedule(String start, String end, int everyWeeks, Daypart... dayparts) {
        return new Schedule(LocalDate.parse(start), LocalDate.parse(end), List.of(dayparts), everyWeeks);
    }

    @Test
    void aWindowWhoseEndIsEarlierThanItsStartCrossesMidnightAndAnEqualEndMeansAFullDay() {
        assertThat(daypart(Set.of(FRIDAY), "20:00", "01:00").crossesMidnight()).isTrue();
        assertThat(daypart(Set.of(FRIDAY), "08:00", "08:00").crossesMidnight()).isTrue();
        assertThat(daypart(Set.of(FRIDAY), "07:00", "10:30").crossesMidnight()).isFalse();
    }

    @Test
    void aPossibleScheduleHasNoProblems() {
        var schedule = schedule("2026-12-01", "2027-01-06", 1, daypart(WORKDAYS, "07:00", "10:30"), daypart(Set.of(FRIDAY, SATURDAY), "20:00", "01:00"));
        assertThat(schedule.problems()).isEmpty();
        assertThat(schedule.firstPlayingDay()).contains(LocalDate.parse("2026-12-01"));
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        assertThat(schedule("2026-12-05", "2026-12-01", 1, daypart(WORKDAYS, "07:00", "10:30")).problems())
                .containsExactly("the end date 2026-12-01 is before the start date 2026-12-05");
    }

    @Test
    void aCampaignWhoseWeekdaysNeverFallInItsDatesIsRefused() {
        var weekendOnly = schedule("2026-12-05", "2026-12-06", 1, daypart(WORKDAYS, "07:00", "10:30"));
        assertThat(weekendOnly.problems()).singleElement().asString()
                .startsWith("the campaign never plays: no day from 2026-12-05 to 2026-12-06")
                .contains("MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY");
    }

    @Test
    void recurrenceCountsWeeksFromTheWeekOfTheStartDate() {
        var fortnightly = schedule("2026-12-02", "2027-01-31", 2, daypart(Set.of(MONDAY), "09:00", "17:00"));
        assertThat(fortnightly.inPlayingWeek(LocalDate.parse("2026-12-02"))).isTrue();
        assertThat(fortnightly.inPlayingWeek(LocalDate.parse("2026-12-07"))).isFalse();
        assertThat(fortnightly.inPlayingWeek(LocalDate.parse("2026-12-14"))).isTrue();
        assertThat(fortnightly.firstPlayingDay()).contains(LocalDate.parse("2026-12-14"));
        assertThat(fortnightly.opensOn(LocalDate.parse("2026-12-21"), fortnightly.dayparts().getFirst())).isFalse();
        assertThat(fortnightly.opensOn(LocalDate.parse("2026-12-28"), fortnightly.dayparts().getFirst())).isTrue();
    }

    @Test
    void aRecurrenceThatSkipsEveryWeekWithAPlayingDayIsRefused() {
        var mondaysInOffWeeksOnly = schedule("2026-12-05", "2026-12-09", 2, daypart(Set.of(MONDAY), "09:00", "17:00"));
        assertThat(mondaysInOffWeeksOnly.problems()).singleElement().asString().contains("never plays").contains("every-2-weeks");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        var bad = schedule("2026-12-05", "2026-12-01", 0, daypart(Set.of(), "07:00", "10:30"));
        assertThat(bad.problems()).containsExactly(
                "the end date 2026-12-01 is before the start date 2026-12-05",
                "daypart 1 has no weekdays",
                "a campaign recurs every 1 to 52 weeks, not every 0");
        assertThat(schedule("2026-01-01", "2036-01-02", 1, daypart(WORKDAYS, "07:00", "08:00")).problems())
                .containsExactly("a campaign runs at most 10 years; 2026-01-01 to 2036-01-02 is longer");
        assertThat(schedule("2026-01-01", "2026-01-02", 1).problems()).containsExactly("a campaign needs at least one daypart");
    }
}
