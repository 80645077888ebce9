package io.vizora.device;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTests {

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        var millis = 1_796_522_614_776L;
        var id = TimeOrderedIds.of(millis);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsText() {
        var earlier = TimeOrderedIds.of(1_796_522_614_776L).toString();
        for (int i = 0; i < 1_000; i++) {
            assertThat(TimeOrderedIds.of(1_796_522_614_777L + i).toString()).isGreaterThan(earlier);
        }
    }

    @Test
    void idsOfTheSameMillisecondDifferInTheirRandomBits() {
        var ids = new HashSet<UUID>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.of(1_796_522_614_776L));
        }
        assertThat(ids).hasSize(10_000);
    }
}
