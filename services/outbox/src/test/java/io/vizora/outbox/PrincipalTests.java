package io.vizora.outbox;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrincipalTests {

    private static final UUID ID = UUID.fromString("6f1c2a9e-3b0d-4c55-9a8e-1d2f3a4b5c6d");

    @Test
    void aPrincipalIsWrittenAsKindAndId() {
        assertThat(Principal.user(ID)).hasToString("user:" + ID);
        assertThat(Principal.device(ID)).hasToString("device:" + ID);
        assertThat(Principal.apiKey(ID)).hasToString("apikey:" + ID);
        assertThat(Principal.system()).hasToString("system");
    }

    @Test
    void onlyTheSystemHasNoId() {
        assertThatThrownBy(() -> new Principal(Principal.Kind.USER, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Principal(Principal.Kind.SYSTEM, ID)).isInstanceOf(IllegalArgumentException.class);
    }
}
