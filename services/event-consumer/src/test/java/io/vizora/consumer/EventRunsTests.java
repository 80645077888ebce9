package io.vizora.consumer;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventRunsTests {

    private static ConsumedEvent event(String type) {
        return new ConsumedEvent(UUID.randomUUID(), type, "s", UUID.randomUUID(), "p", Instant.EPOCH, null, "t", 0, 0);
    }

    @Test
    void consecutiveEventsThatGoTogetherFormOneRunAndTheOrderIsKept() {
        var a1 = event("a");
        var a2 = event("a");
        var b = event("b");
        var a3 = event("a");
        var runs = EventRuns.split(List.of(a1, a2, b, a3), e -> e.type().equals("a"));
        assertThat(runs).containsExactly(new EventRuns.Run(true, List.of(a1, a2)), new EventRuns.Run(false, List.of(b)),
                new EventRuns.Run(true, List.of(a3)));
    }

    @Test
    void anEmptyBatchHasNoRuns() {
        assertThat(EventRuns.split(List.of(), e -> true)).isEmpty();
    }
}
