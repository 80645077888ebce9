package io.vizora.command.identity.domain;

import java.util.UUID;

public record UserInvited(UUID userId, String email, String role) {

    public static final String TYPE = "vizora.identity.user_invited.v1";
}
