package io.vizora.projector.analytics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class GiveWayTests {

    private final AtomicBoolean busy = new AtomicBoolean();
    private Instant now = Instant.parse("2026-12-06T18:00:00Z");
    private final GiveWay giveWay = new GiveWay(busy::get, Duration.ofSeconds(5), () -> now);

    @Test
    void workGoesOnWhileNothingUrgentRuns() {
        assertThat(giveWay.holdOff()).isFalse();
    }

    @Test
    void workHoldsOffWhileTheUrgentWorkRunsAndGoesOnOnceItStops() {
        busy.set(true);
        assertThat(giveWay.holdOff()).isTrue();
        now = now.plusSeconds(2);
        assertThat(giveWay.holdOff()).isTrue();

        busy.set(false);
        assertThat(giveWay.holdOff()).isFalse();
    }

    @Test
    void workThatWaitedItsLongestGoesOnBesideUrgentWorkThatDoesNotStop() {
        busy.set(true);
        giveWay.holdOff();
        now = now.plusSeconds(5);
        assertThat(giveWay.holdOff()).as("waited five seconds").isFalse();
        now = now.plusSeconds(60);
        assertThat(giveWay.holdOff()).as("still busy: no second wait").isFalse();

        busy.set(false);
        giveWay.holdOff();
        busy.set(true);
        assertThat(giveWay.holdOff()).as("a new change: it gives way again").isTrue();
    }
}
