package io.vizora.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Wall-clock times to instants, with daylight-saving time defined: a time that does not exist (in
 * a spring-forward gap) means the end of the gap, the first instant that exists after it; a time
 * that exists twice (in a fall-back overlap) means its first occurrence.
 */
public final class LocalTimes {

    private LocalTimes() {
    }

    public static Instant instant(LocalDate date, LocalTime time, ZoneId zone) {
        var local = LocalDateTime.of(date, time);
        var rules = zone.getRules();
        var offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.atOffset(offsets.getFirst()).toInstant();
    }
}
