package io.vizora.command.identity.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a new password must be: long rather than clever (NIST SP 800-63B), and not the account's
 * own email address. Returns every problem, so the operator fixes them at once.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static List<String> problems(String password, EmailAddress owner) {
        var problems = new ArrayList<String>();
        var length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("must be at least " + MIN_LENGTH + " characters long");
        }
        if (length > MAX_LENGTH) {
            problems.add("must be at most " + MAX_LENGTH + " characters long");
        }
        if (password.strip().isEmpty() || password.codePoints().distinct().count() == 1) {
            problems.add("must not be a single repeated character");
        }
        if (password.toLowerCase(Locale.ROOT).contains(owner.value())) {
            problems.add("must not contain the email address");
        }
        return problems;
    }
}
