package io.vizora.command.fleet.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PairingCodeTests {

    @Test
    void aCodeIsEightCharactersWithoutLookAlikesShownInTwoGroups() {
        var code = PairingCode.generate();
        assertThat(code.value()).hasSize(8).doesNotContainPattern("[01OIL]");
        assertThat(code.displayed()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}").isEqualTo(code.value().substring(0, 4) + "-" + code.value().substring(4));
    }

    @Test
    void codesAreDrawnAtRandom() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            seen.add(PairingCode.generate().value());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void whatAnOperatorTypesIsReadInAnyCaseWithOrWithoutTheDash() {
        assertThat(PairingCode.parse("kx7r-m2qd")).contains(new PairingCode("KX7RM2QD"));
        assertThat(PairingCode.parse(" KX7R M2QD ")).contains(new PairingCode("KX7RM2QD"));
        assertThat(PairingCode.parse("KX7RM2QD")).contains(new PairingCode("KX7RM2QD"));
    }

    @Test
    void somethingThatCannotBeACodeIsNoCode() {
        assertThat(PairingCode.parse("KX7R-M2Q")).isEmpty();
        assertThat(PairingCode.parse("KX7R-M2QD1")).isEmpty();
        assertThat(PairingCode.parse("KX0R-M2QD")).isEmpty();
        assertThat(PairingCode.parse("'; DROP TABLE display; --")).isEmpty();
        assertThatThrownBy(() -> new PairingCode("kx7rm2qd")).isInstanceOf(IllegalArgumentException.class);
    }
}
