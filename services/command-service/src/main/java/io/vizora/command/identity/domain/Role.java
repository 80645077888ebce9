package io.vizora.command.identity.domain;

/** What a user may do in their organisation, from most to least. */
public enum Role {
    OWNER, ADMIN, EDITOR, VIEWER;

    public String code() {
        return name().toLowerCase();
    }
}
