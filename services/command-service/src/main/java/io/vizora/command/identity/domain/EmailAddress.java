package io.vizora.command.identity.domain;

import java.util.Locale;

/** An email address as Vizora keeps it: trimmed and lower-cased, so one address is one account. */
public record EmailAddress(String value) {

    public EmailAddress {
        value = value.strip().toLowerCase(Locale.ROOT);
    }
}
