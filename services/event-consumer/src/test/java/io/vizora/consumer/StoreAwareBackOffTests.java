package io.vizora.consumer;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class StoreAwareBackOffTests {

    private final AtomicBoolean answering = new AtomicBoolean(true);
    private final StoreAwareBackOff backOff = new StoreAwareBackOff(Duration.ofMillis(200), Duration.ofSeconds(2), 3, answering::get);

    @Test
    void anEffectThatFailsWhileTheStoresAnswerIsGivenUpAfterItsAttempts() {
        var retries = backOff.start();
        assertThat(retries.nextBackOff()).isEqualTo(200);
        assertThat(retries.nextBackOff()).isEqualTo(400);
        assertThat(retries.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void anEffectThatFailsWhileAStoreDoesNotAnswerWaitsForAsLongAsTheOutageLastsUpToTheCeilingBetweenTries() {
        answering.set(false);
        var retries = backOff.start();
        for (int i = 0; i < 100; i++) {
            assertThat(retries.nextBackOff()).isNotEqualTo(BackOffExecution.STOP);
        }
        assertThat(retries.nextBackOff()).isEqualTo(2_000);
    }

    @Test
    void theWaitsOfAnOutageDoubleFromTheFirst() {
        answering.set(false);
        var retries = backOff.start();
        assertThat(retries.nextBackOff()).isEqualTo(200);
        assertThat(retries.nextBackOff()).isEqualTo(400);
        assertThat(retries.nextBackOff()).isEqualTo(800);
        assertThat(retries.nextBackOff()).isEqualTo(1_600);
        assertThat(retries.nextBackOff()).isEqualTo(2_000);
    }

    @Test
    void attemptsMadeDuringAnOutageAreNotCountedAgainstTheEvent() {
        var retries = backOff.start();
        assertThat(retries.nextBackOff()).isEqualTo(200);
        answering.set(false);
        retries.nextBackOff();
        retries.nextBackOff();
        answering.set(true);
        assertThat(retries.nextBackOff()).as("its second and last retry").isEqualTo(400);
        assertThat(retries.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void aSecondOutageWaitsFromTheFirstWaitAgain() {
        var retries = backOff.start();
        answering.set(false);
        retries.nextBackOff();
        retries.nextBackOff();
        answering.set(true);
        retries.nextBackOff();
        answering.set(false);
        assertThat(retries.nextBackOff()).isEqualTo(200);
    }

    @Test
    void anEventWithUnlimitedAttemptsWaitsNoLongerThanTheCeiling() {
        var retries = new StoreAwareBackOff(Duration.ofMillis(200), Duration.ofSeconds(2), Integer.MAX_VALUE, () -> true).start();
        for (int i = 0; i < 1_000; i++) {
            assertThat(retries.nextBackOff()).isBetween(200L, 2_000L);
        }
    }
}
