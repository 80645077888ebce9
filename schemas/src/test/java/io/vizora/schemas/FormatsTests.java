package io.vizora.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

    @Test
    void anEmailIsWhatTheContractsEmailFormatAccepts() {
        assertThat(Formats.email("ops@example.com")).isTrue();
        assertThat(Formats.email("first.last+tag@sub.example.co.uk")).isTrue();
        assertThat(Formats.email("screens@vizora.local")).as("no such top-level domain").isFalse();
        assertThat(Formats.email("not-an-address")).isFalse();
        assertThat(Formats.email(null)).isFalse();
    }

    @Test
    void aUuidIsWhatTheContractsUuidFormatAccepts() {
        assertThat(Formats.uuid("0f8e2b5c-1d3a-4c6e-9f00-aabbccddeeff")).isTrue();
        assertThat(Formats.uuid("0F8E2B5C-1D3A-4C6E-9F00-AABBCCDDEEFF")).isTrue();
        assertThat(Formats.uuid("0f8e2b5c1d3a-4c6e-9f00-aabbccddeeff-")).as("hyphens out of place").isFalse();
        assertThat(Formats.uuid("0f8e2b5c-1d3a-4c6e-9f00-aabbccddeefg")).isFalse();
        assertThat(Formats.uuid("'; DROP TABLE plays; --'")).isFalse();
        assertThat(Formats.uuid(null)).isFalse();
    }

    @Test
    void anInstantIsReadAsInstantParseReadsItForEveryFormTheContractAccepts() {
        var random = new java.util.Random(7);
        var texts = new java.util.ArrayList<>(java.util.List.of("2024-02-29T23:59:59Z", "2026-12-07T09:00:00.1Z", "2026-12-07T09:00:00.123456789Z",
                "1970-01-01T00:00:00Z", "0001-01-01T00:00:00.000000001Z", "9999-12-31T23:59:59.999999999Z", "2026-12-07T10:00:00+01:00",
                "2026-12-07T09:00:00.5-14:59", "2016-12-31T23:59:60Z"));
        for (int i = 0; i < 10_000; i++) {
            var instant = java.time.Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L), random.nextInt(1_000_000_000));
            texts.add(instant.toString());
            // every length of fraction, not only the 0, 3, 6 or 9 digits toString writes
            texts.add(instant.toString().replaceAll("\\.\\d+Z$", "." + String.format("%09d", random.nextInt(1_000_000_000)).substring(0, random.nextInt(1, 10)) + "Z"));
        }
        for (var text : texts) {
            assertThat(Formats.instant(text)).as(text).isEqualTo(java.time.Instant.parse(text));
        }
    }

    @Test
    void anOddTextIsReadOrRefusedExactlyAsInstantParseDoes() {
        for (var text : java.util.List.of("", "Z", "2026-02-29T09:00:00Z", "2026-12-07T24:00:00Z", "2026-12-07 09:00:00Z", "2026-12-07T09:00:00.Z",
                "2026-12-07T09:00:00.1234567890Z", "2026-12-07T09:00:00", "2026-12-07t09:00:00z", "+12026-12-07T09:00:00Z", "2026-13-07T09:00:00Z")) {
            java.time.Instant expected;
            try {
                expected = java.time.Instant.parse(text);
            } catch (java.time.format.DateTimeParseException refused) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> Formats.instant(text)).as(text)
                        .isInstanceOf(java.time.format.DateTimeParseException.class);
                continue;
            }
            assertThat(Formats.instant(text)).as(text).isEqualTo(expected);
        }
    }
}
