package io.vizora.command.identity.domain;

import java.util.UUID;

public record UserRegistered(UUID userId, String email, String displayName) {

    public static final String TYPE = "vizora.identity.user_registered.v1";
}
