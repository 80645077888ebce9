package io.vizora.command.web;

import io.vizora.command.domain.ExpectedVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreconditionsTests {

    @Test
    void noIfMatchOrAStarAdmitsAnyVersion() {
        assertThat(Preconditions.expected(null)).isEqualTo(ExpectedVersion.ANY);
        assertThat(Preconditions.expected(" * ").admits(42)).isTrue();
    }

    @Test
    void aListOfTagsAdmitsExactlyTheVersionsItNames() {
        var expected = Preconditions.expected("\"3\", \"5\"");
        assertThat(expected.admits(3)).isTrue();
        assertThat(expected.admits(5)).isTrue();
        assertThat(expected.admits(4)).isFalse();
    }

    @Test
    void aWeakTagOrAnythingThisServiceDidNotSendIsABadRequestNamingTheHeader() {
        for (var header : new String[] {"W/\"3\"", "3", "\"three\"", "\"3\",", "\"99999999999999999999\""}) {
            assertThatThrownBy(() -> Preconditions.expected(header)).isInstanceOfSatisfying(DomainProblem.class,
                    problem -> assertThat(problem.getMessage()).contains("If-Match"));
        }
    }
}
