package io.vizora.partner.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTests {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1));
    private final Random random = new Random(42);

    @Test
    void waitsDoubleWithJitterBetweenHalfAndAllOfTheStep() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            var step = Duration.ofSeconds(5L << (attempt - 1));
            for (int i = 0; i < 100; i++) {
                assertThat(schedule.after(attempt, random)).isBetween(step.dividedBy(2), step);
            }
        }
    }

    @Test
    void neverWaitsLongerThanTheLongestWaitEvenAfterManyAttempts() {
        for (var attempt : new int[] {11, 20, 40, 1000}) {
            assertThat(schedule.after(attempt, random)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
        }
    }

    @Test
    void refusesAFirstWaitLongerThanTheLongest() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofHours(2), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
