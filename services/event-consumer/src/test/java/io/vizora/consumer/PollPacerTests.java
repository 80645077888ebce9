package io.vizora.consumer;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PollPacerTests {

    private final PollPacer pacer = new PollPacer(64 << 10, Duration.ofMillis(50));

    @Test
    void aSmallPollIsFollowedByWhatIsLeftOfTheCycle() {
        assertThat(pacer.pauseAfter(2_000, Duration.ofMillis(8))).isEqualTo(Duration.ofMillis(42));
    }

    @Test
    void aFullPollIsFollowedByTheNextAtOnce() {
        assertThat(pacer.pauseAfter(64 << 10, Duration.ofMillis(3))).isZero();
        assertThat(pacer.pauseAfter(1 << 20, Duration.ofMillis(3))).isZero();
    }

    @Test
    void aSmallPollThatTookTheWholeCycleToApplyIsFollowedByTheNextAtOnce() {
        assertThat(pacer.pauseAfter(100, Duration.ofMillis(50))).isZero();
        assertThat(pacer.pauseAfter(100, Duration.ofMillis(120))).isZero();
    }
}
