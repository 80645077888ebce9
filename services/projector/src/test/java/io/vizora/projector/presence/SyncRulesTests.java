package io.vizora.projector.presence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SyncRulesTests {

    private static final SyncRules RULES = new SyncRules(Duration.ofMinutes(2));
    private static final Instant COMPILED = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void aScreenBehindItsNewestManifestIsInSyncWithinTheGraceAndOutOfSyncAfterIt() {
        assertThat(RULES.outOfSync(7, COMPILED, 6L, COMPILED.plusSeconds(119))).isFalse();
        assertThat(RULES.outOfSync(7, COMPILED, 6L, COMPILED.plusSeconds(120))).isTrue();
    }

    @Test
    void aScreenThatNeverReportedAVersionCountsAsShowingNone() {
        assertThat(RULES.outOfSync(7, COMPILED, null, COMPILED.plusSeconds(300))).isTrue();
        assertThat(RULES.inSync(7, null)).isFalse();
    }

    @Test
    void aScreenShowingTheNewestManifestOrANewerOneIsInSync() {
        assertThat(RULES.outOfSync(7, COMPILED, 7L, COMPILED.plusSeconds(300))).isFalse();
        assertThat(RULES.inSync(7, 7L)).isTrue();
        assertThat(RULES.inSync(7, 8L)).isTrue();
    }
}
