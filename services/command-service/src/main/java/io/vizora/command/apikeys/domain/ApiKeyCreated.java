package io.vizora.command.apikeys.domain;

import java.util.List;
import java.util.UUID;

public record ApiKeyCreated(UUID apiKeyId, String name, List<String> scopes) {

    public static final String TYPE = "vizora.identity.api_key_created.v1";
}
