package io.vizora.command.identity.domain;

import java.util.Locale;

/** What a user may do in their organisation, from most to least. */
public enum Role {
    OWNER, ADMIN, EDITOR, VIEWER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a stored or signed code ({@code "admin"}) names. */
    public static Role fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
