package io.vizora.agent.browser;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RestartPolicyTests {

    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");
    private final RestartPolicy policy = RestartPolicy.forScreens();

    @Test
    void aBrowserThatDiedOnceStartsAgainAtOnce() {
        assertThat(policy.failed(T0)).isZero();
        assertThat(policy.failing(T0)).isFalse();
    }

    @Test
    void aBrowserThatKeepsDyingWaitsLongerEachTimeUpToFiveMinutesAndIsReportedFailing() {
        var waits = new java.util.ArrayList<Duration>();
        var at = T0;
        for (int i = 0; i < 12; i++) {
            var wait = policy.failed(at);
            waits.add(wait);
            at = at.plus(wait).plusMillis(100);
        }

        assertThat(waits.subList(0, 5)).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(5)));
        assertThat(waits.getLast()).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.failing(at)).isTrue();
    }

    @Test
    void failuresOlderThanTenMinutesAreForgiven() {
        for (int i = 0; i < 5; i++) {
            policy.failed(T0.plusSeconds(i));
        }
        assertThat(policy.failing(T0.plusSeconds(5))).isTrue();

        assertThat(policy.failing(T0.plus(Duration.ofMinutes(11)))).isFalse();
        assertThat(policy.failed(T0.plus(Duration.ofMinutes(11)))).isZero();
    }
}
