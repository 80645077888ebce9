package io.vizora.command.scheduling.domain;

import io.vizora.schedule.CampaignKind;
import io.vizora.schedule.Schedule;
import io.vizora.schedule.Targets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a campaign says: which playlist plays where, when, how urgently. Checked as a whole, so
 * every problem is reported at once; publishing asks more of it than drafting does.
 */
public record Campaign(String name, UUID playlistId, Targets targets, Schedule schedule, int priority, CampaignKind kind) {

    public static final int MAX_PRIORITY = 1000;
    /** The longest a takeover "now" may last. */
    public static final java.time.Duration LONGEST_TAKEOVER = java.time.Duration.ofDays(7);

    /**
     * An emergency for the targets, from now for {@code duration}: a takeover of the highest
     * priority, all day within that period on every display whatever its time zone.
     */
    public static Campaign takeoverNow(String name, UUID playlistId, Targets targets, java.time.Instant now, java.time.Duration duration) {
        return new Campaign(name, playlistId, targets, Schedule.within(now, now.plus(duration)), MAX_PRIORITY, CampaignKind.TAKEOVER);
    }
    /** Dates a signage campaign can mean; the event contract's dates have four-digit years in any case. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    /** What a draft must get right: an impossible schedule is refused even in a draft. */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        for (var date : List.of(schedule.startDate(), schedule.endDate())) {
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                problems.add("the date " + date + " is outside " + EARLIEST + " to " + LATEST);
            }
        }
        if (problems.isEmpty()) {
            // the schedule's own checks count days and years from its dates, which a date near the end of time overflows
            problems.addAll(schedule.problems());
        }
        if (priority < 0 || priority > MAX_PRIORITY) {
            problems.add("the priority is " + priority + "; it goes from 0 to " + MAX_PRIORITY);
        }
        return problems;
    }

    /**
     * What publishing needs besides: somewhere to play, something to play, and a day left to play
     * on. "Today" is the date on the last place on Earth to reach it (UTC-12), so a campaign ending
     * today anywhere can still be published; a period must not be over at {@code now}.
     */
    public List<String> problemsToPublish(LocalDate todayAtUtcMinus12, java.time.Instant now, int playlistItems) {
        var problems = new ArrayList<>(problems());
        if (targets.none()) {
            problems.add("the campaign targets no display, group or tag");
        }
        if (playlistItems == 0) {
            problems.add("its playlist is empty");
        }
        if (schedule.endDate().isBefore(todayAtUtcMinus12)) {
            problems.add("its end date " + schedule.endDate() + " has passed");
        }
        if (schedule.period() != null && !schedule.period().endsAt().isAfter(now)) {
            problems.add("its period ended at " + schedule.period().endsAt());
        }
        return problems;
    }
}
