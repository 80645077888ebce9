package io.vizora.platform.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class RevokedAccessTests {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    private final RevokedAccess records = new RevokedAccess(Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theLaterOfTwoRevocationsCountsWhicheverArrivesFirst() {
        var later = NOW.toEpochMilli() - 1_000;
        records.record("user:a", later);
        records.record("user:a", later - 5_000);

        assertThat(records.revokedAt("user:a")).isEqualTo(OptionalLong.of(later));
        assertThat(records.revokedAt("user:b")).isEmpty();
    }

    @Test
    void aRevocationOlderThanEveryTokenItCouldVoidNoLongerCountsAndIsDropped() {
        records.record("user:old", NOW.minus(Duration.ofMinutes(61)).toEpochMilli());
        records.record("user:recent", NOW.minus(Duration.ofMinutes(59)).toEpochMilli());

        assertThat(records.revokedAt("user:old")).isEmpty();
        assertThat(records.revokedAt("user:recent")).isPresent();
        assertThat(records.size()).isEqualTo(1);
    }

    @Test
    void aRecordTravelsAsOneMessageAndAMessageOfAnotherShapeChangesNothing() {
        var at = NOW.toEpochMilli();
        records.recordMessage(RevokedAccess.message("key:3q2+7w==", at));
        records.recordMessage("user:x not-a-moment");
        records.recordMessage("nothing");
        records.record("user:y", "not-a-moment");

        assertThat(records.revokedAt("key:3q2+7w==")).isEqualTo(OptionalLong.of(at));
        assertThat(records.size()).isEqualTo(1);
    }
}
