package io.vizora.partner;

import io.vizora.testsupport.DomainEvents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
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

    static Key create(UUID tenant, String... scopes) throws Exception {
        var id = UUID.randomUUID();
        var secret = "vzk_" + UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        var hash = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        DomainEvents.shared().send(tenant, "vizora.identity.api_key_created.v1", id,
                Map.of("apiKeyId", id.toString(), "name", "partner", "scopes", List.of(scopes), "keyHash", hash));
        return new Key(id, secret);
    }

    static void revoke(UUID tenant, Key key) {
        DomainEvents.shared().send(tenant, "vizora.identity.api_key_revoked.v1", key.id(), Map.of("apiKeyId", key.id().toString()));
    }
}
