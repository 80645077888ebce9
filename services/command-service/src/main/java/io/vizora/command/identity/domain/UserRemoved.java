package io.vizora.command.identity.domain;

import java.util.UUID;

public record UserRemoved(UUID userId) {

    public static final String TYPE = "vizora.identity.user_removed.v1";
}
