package io.vizora.command.fleet.domain;

import io.vizora.command.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisplayProfileTests {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void groupsAndTagsAreSortedWithoutRepeatsAndTagsLowerCased() {
        var profile = DisplayProfile.of("  Lobby left ", "Australia/Sydney", List.of(B, A, B), List.of("Portrait", "lobby", " portrait "));
        assertThat(profile).isEqualTo(new DisplayProfile("Lobby left", "Australia/Sydney", List.of(A, B), List.of("lobby", "portrait")));
    }

    @Test
    void aTimeZoneMustBeAnIanaRegion() {
        assertThat(DisplayProfile.of("x", "UTC", List.of(), List.of()).timeZone()).isEqualTo("UTC");
        assertThat(DisplayProfile.of("x", "America/Argentina/Buenos_Aires", List.of(), List.of()).timeZone()).isEqualTo("America/Argentina/Buenos_Aires");
        for (var zone : List.of("Europe/Atlantis", "+02:00", "GMT+2", "EST5EDT", "", "europe/berlin")) {
            assertThatThrownBy(() -> DisplayProfile.of("x", zone, List.of(), List.of()))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("is not an IANA time zone");
        }
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        var tooManyTags = IntStream.range(0, 51).mapToObj(i -> "tag" + i).toList();
        assertThatThrownBy(() -> DisplayProfile.of("x", "Mars/Olympus", List.of(), Collections.nCopies(1, "no spaces please")))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.problems()).hasSize(2));
        assertThatThrownBy(() -> DisplayProfile.of("x", "Europe/Berlin", List.of(), tooManyTags))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> assertThat(violation.problems()).containsExactly("a display has at most 50 tags"));
    }

    @Test
    void aTagIsLettersDigitsUnderscoresAndDashes() {
        assertThat(DisplayProfile.of("x", "UTC", List.of(), List.of("menu_board-2")).tags()).containsExactly("menu_board-2");
        for (var tag : List.of("-lead", "", "a/b", "<script>", "x".repeat(64))) {
            assertThatThrownBy(() -> DisplayProfile.of("x", "UTC", List.of(), List.of(tag))).isInstanceOf(RuleViolation.class);
        }
    }
}
