package io.vizora.testsupport;

import io.vizora.platform.security.ApiKeyAuthentication;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** API keys as the command service announces them on vizora.identity, for services that fold them. */
public final class ApiKeysOnTheTopic {

    public record Key(UUID id, String secret) {
        public String header() {
            return "ApiKey " + secret;
        }
    }

    private ApiKeysOnTheTopic() {
    }

    public static Key create(UUID tenant, String... scopes) {
        var id = UUID.randomUUID();
        var secret = ApiKeyAuthentication.KEY_PREFIX + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        DomainEvents.shared().send(tenant, "vizora.identity.api_key_created.v1", id,
                Map.of("apiKeyId", id.toString(), "name", "partner", "scopes", List.of(scopes), "keyHash", ApiKeyAuthentication.digestText(secret)));
        return new Key(id, secret);
    }

    public static void revoke(UUID tenant, Key key) {
        DomainEvents.shared().send(tenant, "vizora.identity.api_key_revoked.v1", key.id(), Map.of("apiKeyId", key.id().toString()));
    }
}
