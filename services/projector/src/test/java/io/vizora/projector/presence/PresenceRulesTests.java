package io.vizora.projector.presence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PresenceRulesTests {

    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
    private final PresenceRules rules = new PresenceRules(Duration.ofSeconds(10), Duration.ofSeconds(90));

    @Test
    void aDisplayHeardThroughoutTheOnlineGraceIsAnnouncedOnline() {
        assertThat(rules.pending(T, T.plusSeconds(5), T.plusSeconds(6))).isEqualTo(PresenceRules.Pending.WAIT);
        assertThat(rules.pending(T, T.plusSeconds(9), T.plusSeconds(10))).isEqualTo(PresenceRules.Pending.ANNOUNCE);
    }

    @Test
    void aDisplayThatFallsSilentBeforeTheGraceIsOverIsNeverAnnounced() {
        var quick = new PresenceRules(Duration.ofSeconds(120), Duration.ofSeconds(30));
        assertThat(quick.pending(T, T, T.plusSeconds(31))).isEqualTo(PresenceRules.Pending.DROP);
        assertThat(quick.pending(T, T.plusSeconds(100), T.plusSeconds(120))).isEqualTo(PresenceRules.Pending.ANNOUNCE);
    }

    @Test
    void silenceCountsOnlyBeyondTheOfflineGrace() {
        assertThat(rules.silent(T, T.plusSeconds(90))).isFalse();
        assertThat(rules.silent(T, T.plusSeconds(91))).isTrue();
    }

    @Test
    void withNoOnlineGraceTheFirstHeartbeatIsEnough() {
        var immediate = new PresenceRules(Duration.ZERO, Duration.ofSeconds(90));
        assertThat(immediate.pending(T, T, T)).isEqualTo(PresenceRules.Pending.ANNOUNCE);
    }
}
