package io.vizora.command.apikeys.domain;

import java.util.UUID;

public record ApiKeyRevoked(UUID apiKeyId) {

    public static final String TYPE = "vizora.identity.api_key_revoked.v1";
}
