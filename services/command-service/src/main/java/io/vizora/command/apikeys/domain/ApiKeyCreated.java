package io.vizora.command.apikeys.domain;

import java.util.List;
import java.util.UUID;

/** {@code keyHash} is the key's SHA-256 (base64url): enough for read models to recognise the key, useless to present as one. */
public record ApiKeyCreated(UUID apiKeyId, String name, List<String> scopes, String keyHash) {

    public static final String TYPE = "vizora.identity.api_key_created.v1";
}
