package io.vizora.agent.playback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlayerTests {

    @Test
    void aPlayLastsWhatTheMonotonicClockMeasuredWithinWhatTheContractAllows() {
        assertThat(Player.shownMillis(1_000_000_000L, 11_000_000_000L)).isEqualTo(10_000);
        assertThat(Player.shownMillis(5L, 5L)).isZero();
        assertThat(Player.shownMillis(0, 3 * 86_400_000_000_000L)).as("over a day").isEqualTo(Player.LONGEST_PLAY_MILLIS);
    }
}
