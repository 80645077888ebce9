package io.vizora.partner;

import io.vizora.platform.security.ApiKeyAuthentication;
import io.vizora.testsupport.DomainEvents;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** API keys as the command service announces them on vizora.identity. */
final class PartnerKeysOnTheTopic {

    record Key(UUID id, String secret) {
        String header() {
            return "ApiKey " + secret;
        }
    }

    private PartnerKeysOnTheTopic() {
    }

    static Key create(UUID tenant, String... scopes) {
        var id = UUID.randomUUID();
        var secret = "vzk_" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        var hash = ApiKeyAuthentication.digestText(secret);
        DomainEvents.shared().send(tenant, "vizora.identity.api_key_created.v1", id,
                Map.of("apiKeyId", id.toString(), "name", "partner", "scopes", List.of(scopes), "keyHash", hash));
        return new Key(id, secret);
    }

    static void revoke(UUID tenant, Key key) {
        DomainEvents.shared().send(tenant, "vizora.identity.api_key_revoked.v1", key.id(), Map.of("apiKeyId", key.id().toString()));
    }
}
