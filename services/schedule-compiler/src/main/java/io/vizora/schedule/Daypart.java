package io.vizora.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A weekly window in the display's local time: it opens at {@code start} on each of its weekdays
 * and closes at {@code end}. An end earlier than the start closes the next day (the window
 * crosses midnight and belongs to the day it opened); an end equal to the start means a full
 * 24 hours.
 */
public record Daypart(Set<DayOfWeek> weekdays, LocalTime start, LocalTime end) {

    public Daypart {
        weekdays = Set.copyOf(weekdays);
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("daypart times are whole minutes");
        }
    }

    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }
}
