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
}
