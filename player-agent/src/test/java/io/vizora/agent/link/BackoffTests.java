package io.vizora.agent.link;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTests {

    private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30));

    @Test
    void theCeilingDoublesWithEveryAttemptUpToTheCap() {
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.ceiling(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void delaysAreSpreadBetweenZeroAndTheCeilingSoAFleetDoesNotReconnectInStep() {
        var random = new Random(42);
        var seen = new HashSet<Duration>();
        for (int i = 0; i < 1_000; i++) {
            var delay = backoff.delay(5, random);
            assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(8));
            seen.add(delay);
        }
        assertThat(seen).hasSizeGreaterThan(900);
        assertThat(seen.stream().mapToLong(Duration::toMillis).min().orElseThrow()).isLessThan(1_000);
        assertThat(seen.stream().mapToLong(Duration::toMillis).max().orElseThrow()).isGreaterThan(7_000);
    }

    @Test
    void aBackoffNeedsAPositiveBaseNoLargerThanItsCap() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
