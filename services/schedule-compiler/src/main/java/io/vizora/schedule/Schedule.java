package io.vizora.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a campaign plays, in each display's local dates and times: the days from {@code startDate}
 * to {@code endDate} inclusive, within its dayparts, in every {@code everyWeeks}-th week. Weeks run
 * Monday to Sunday and are counted from the week of the start date (that week always plays). A
 * window that opens on a playing day runs to its end, even past midnight and past the end date.
 * A {@code period} (null: none) bounds all of that to two instants, the same everywhere whatever
 * the display's time zone: a takeover "now, for 30 minutes" is all day every day within one.
 */
public record Schedule(LocalDate startDate, LocalDate endDate, List<Daypart> dayparts, int everyWeeks, Period period) {

    /** From {@code startsAt} (inclusive) to {@code endsAt} (exclusive). */
    public record Period(Instant startsAt, Instant endsAt) {
    }

    public Schedule(LocalDate startDate, LocalDate endDate, List<Daypart> dayparts, int everyWeeks) {
        this(startDate, endDate, dayparts, everyWeeks, null);
    }

    /**
     * All day, every day, from {@code startsAt} to {@code endsAt} on every display: its dates are
     * those of the period anywhere on Earth (UTC-12 to UTC+14), so the period alone decides.
     */
    public static Schedule within(Instant startsAt, Instant endsAt) {
        var allDay = new Daypart(java.util.EnumSet.allOf(DayOfWeek.class), java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT);
        return new Schedule(LocalDate.ofInstant(startsAt, java.time.ZoneOffset.ofHours(-12)), LocalDate.ofInstant(endsAt, java.time.ZoneOffset.ofHours(14)),
                List.of(allDay), 1, new Period(startsAt, endsAt));
    }

    public static final int MAX_DAYPARTS = 20;
    public static final int MAX_EVERY_WEEKS = 52;
    public static final int MAX_YEARS = 10;

    public Schedule {
        dayparts = List.copyOf(dayparts);
    }

    /** Everything that makes the schedule impossible, each said so an operator can fix it; empty if none. */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (endDate.isBefore(startDate)) {
            problems.add("the end date " + endDate + " is before the start date " + startDate);
        } else if (endDate.isAfter(startDate.plusYears(MAX_YEARS))) {
            problems.add("a campaign runs at most " + MAX_YEARS + " years; " + startDate + " to " + endDate + " is longer");
        }
        if (dayparts.isEmpty()) {
            problems.add("a campaign needs at least one daypart");
        }
        if (dayparts.size() > MAX_DAYPARTS) {
            problems.add("a campaign has at most " + MAX_DAYPARTS + " dayparts");
        }
        for (int i = 0; i < dayparts.size(); i++) {
            if (dayparts.get(i).weekdays().isEmpty()) {
                problems.add("daypart " + (i + 1) + " has no weekdays");
            }
        }
        if (period != null && !period.startsAt().isBefore(period.endsAt())) {
            problems.add("the period ends at " + period.endsAt() + ", not after it starts at " + period.startsAt());
        }
        if (everyWeeks < 1 || everyWeeks > MAX_EVERY_WEEKS) {
            problems.add("a campaign recurs every 1 to " + MAX_EVERY_WEEKS + " weeks, not every " + everyWeeks);
        }
        if (problems.isEmpty() && firstPlayingDay().isEmpty()) {
            problems.add("the campaign never plays: no day from " + startDate + " to " + endDate
                    + (everyWeeks > 1 ? " in its every-" + everyWeeks + "-weeks pattern" : "")
                    + " is one of its weekdays (" + weekdays() + ")");
        }
        return problems;
    }

    /** Whether a window of this schedule opens on the given local date. */
    public boolean opensOn(LocalDate date, Daypart daypart) {
        return !date.isBefore(startDate) && !date.isAfter(endDate)
                && daypart.weekdays().contains(date.getDayOfWeek())
                && inPlayingWeek(date);
    }

    public boolean inPlayingWeek(LocalDate date) {
        var weeks = ChronoUnit.WEEKS.between(monday(startDate), monday(date));
        return weeks % everyWeeks == 0;
    }

    /** The first date a window opens; the pattern repeats after everyWeeks weeks, so that is as far as it looks. */
    public Optional<LocalDate> firstPlayingDay() {
        var last = endDate.isBefore(startDate.plusWeeks(everyWeeks)) ? endDate : startDate.plusWeeks(everyWeeks);
        for (var date = startDate; !date.isAfter(last); date = date.plusDays(1)) {
            var day = date;
            if (dayparts.stream().anyMatch(daypart -> opensOn(day, daypart))) {
                return Optional.of(date);
            }
        }
        return Optional.empty();
    }

    private String weekdays() {
        return dayparts.stream().flatMap(daypart -> daypart.weekdays().stream()).distinct().sorted()
                .map(DayOfWeek::name).collect(Collectors.joining(", "));
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
