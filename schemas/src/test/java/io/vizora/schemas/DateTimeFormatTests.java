package io.vizora.schemas;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DateTimeFormatTests {

    private static final Schema CONTRACT = EventContract.registry().getSchema("{\"type\": \"string\", \"format\": \"date-time\"}");
    private static final com.networknt.schema.format.Format LIBRARY = new com.networknt.schema.format.DateTimeFormat();

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-06T01:55:32Z", "2026-12-06T01:55:32.1Z", "2026-12-06T01:55:32.123456789Z", "2026-12-06T01:55:32.1234567890Z",
            "2026-12-06T01:55:32.Z", "2026-12-06T01:55:32+01:00", "2026-12-06T01:55:32.5-09:30", "2026-12-06T01:55:32+14:59",
            "2026-12-06T01:55:32+15:00", "2026-12-06T01:55:32+18:00", "2026-12-06T01:55:32+24:00", "2026-12-06T01:55:32-00:00",
            "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
            "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-12-00T00:00:00Z", "2026-12-06T24:00:00Z", "2026-12-06T23:60:00Z",
            "2026-12-06T23:59:60Z", "2016-12-31T23:59:60Z", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
            "2026-12-06t01:55:32z", "2026-12-06 01:55:32Z", "2026-12-06T01:55:32", "2026-12-06T01:55Z", "2026-12-06", "",
            "2026-12-06T01:55:32+0100", "2026-12-06T01:55:32+01", "2026-12-06T01:55:32Z ", " 2026-12-06T01:55:32Z", "2026-1-06T01:55:32Z",
            "２026-12-06T01:55:32Z", "2026-12-06T01:55:32.12a4Z", "2026-12-06T01:55:32+01:0a", "2026-12-06T01:55:32,5Z"})
    void aDateTimeIsWhatTheLibraryAccepts(String value) {
        assertThat(accepted(value)).isEqualTo(LIBRARY.matches(null, value));
        if (DateTimeFormat.common(value)) {
            assertThat(LIBRARY.matches(null, value)).as("the hand check accepted what the library refuses").isTrue();
        }
    }

    @Test
    void everyInstantAndOffsetAProducerWritesIsRecognisedByHandAndAcceptedByTheLibrary() {
        var random = new Random(20261206);
        for (int i = 0; i < 20_000; i++) {
            var instant = Instant.ofEpochSecond(random.nextLong(-60_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000))
                    .truncatedTo(i % 3 == 0 ? ChronoUnit.SECONDS : i % 3 == 1 ? ChronoUnit.MILLIS : ChronoUnit.NANOS);
            var text = i % 2 == 0 ? instant.toString()
                    : instant.atOffset(ZoneOffset.ofTotalSeconds(random.nextInt(-14 * 60, 14 * 60 + 1) * 60)).toString();
            if (text.startsWith("+") || text.startsWith("-")) {
                continue; // beyond year 9999 or before year 1: not RFC 3339's four-digit years
            }
            assertThat(DateTimeFormat.common(text)).as(text).isEqualTo(LIBRARY.matches(null, text) && !text.startsWith("0000"));
            assertThat(accepted(text)).as(text).isEqualTo(LIBRARY.matches(null, text));
        }
    }

    private static boolean accepted(String value) {
        return CONTRACT.validate("\"" + value + "\"", InputFormat.JSON).isEmpty();
    }
}
