package io.vizora.command.identity.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    private static final EmailAddress OWNER = new EmailAddress("Ada@Example.org");

    @Test
    void aLongPassphraseIsAccepted() {
        assertThat(PasswordPolicy.problems("correct horse battery staple", OWNER)).isEmpty();
    }

    @Test
    void aShortPasswordIsRefusedWithTheMinimum() {
        assertThat(PasswordPolicy.problems("Tr0ub4dor&3", OWNER)).containsExactly("must be at least 12 characters long");
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertThat(PasswordPolicy.problems("äöüäöüäöüäöü", OWNER)).isEmpty();
    }

    @Test
    void aRepeatedCharacterIsRefused() {
        assertThat(PasswordPolicy.problems("aaaaaaaaaaaaaaaa", OWNER)).containsExactly("must not be a single repeated character");
    }

    @Test
    void thePasswordMayNotContainTheEmailAddressInAnyCase() {
        assertThat(PasswordPolicy.problems("my ADA@EXAMPLE.ORG password", OWNER)).containsExactly("must not contain the email address");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(PasswordPolicy.problems("x".repeat(129), new EmailAddress("x"))).hasSize(3);
    }
}
