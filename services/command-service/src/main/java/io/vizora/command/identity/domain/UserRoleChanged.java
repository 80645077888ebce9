package io.vizora.command.identity.domain;

import java.util.UUID;

public record UserRoleChanged(UUID userId, String role) {

    public static final String TYPE = "vizora.identity.user_role_changed.v1";
}
