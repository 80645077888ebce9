package io.vizora.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlayheadTests {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant END = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void theItemsLoopFromTheSliceStartEachForItsDuration() {
        var durations = List.of(10_000, 5_000, 15_000);
        assertThat(Playhead.at(START, END, durations, START)).contains(new Playhead(0, START, START.plusSeconds(10)));
        assertThat(Playhead.at(START, END, durations, START.plusSeconds(12))).contains(new Playhead(1, START.plusSeconds(10), START.plusSeconds(15)));
        assertThat(Playhead.at(START, END, durations, START.plusSeconds(29))).contains(new Playhead(2, START.plusSeconds(15), START.plusSeconds(30)));
        assertThat(Playhead.at(START, END, durations, START.plusSeconds(30))).contains(new Playhead(0, START.plusSeconds(30), START.plusSeconds(40)));
        assertThat(Playhead.at(START, END, durations, START.plusSeconds(3600 - 1)).orElseThrow().index()).isEqualTo(2);
    }

    @Test
    void theLastItemOfASliceIsCutWhereTheSliceEnds() {
        var end = START.plusSeconds(25);
        assertThat(Playhead.at(START, end, List.of(20_000), START.plusSeconds(21))).contains(new Playhead(0, START.plusSeconds(20), end));
    }

    @Test
    void nothingPlaysOutsideTheSliceOrInAnEmptyOne() {
        assertThat(Playhead.at(START, END, List.of(), START)).isEmpty();
        assertThat(Playhead.at(START, END, List.of(1000), END)).isEmpty();
        assertThat(Playhead.at(START, END, List.of(1000), START.minusMillis(1))).isEmpty();
    }
}
