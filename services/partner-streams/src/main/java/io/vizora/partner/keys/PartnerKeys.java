package io.vizora.partner.keys;

import io.vizora.consumer.ConsumedEvent;
import io.vizora.platform.security.ApiKeyAuthentication;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * API keys as the command service announced them: their organisation, scopes and SHA-256 digest,
 * never the key. A key created before digests were announced cannot be used here.
 */
@Repository
public class PartnerKeys {

    /** A partner system that presented a live key. */
    public record Partner(UUID apiKeyId, UUID organisationId, Collection<String> scopes) {
    }

    private final DatabaseClient db;

    public PartnerKeys(DatabaseClient db) {
        this.db = db;
    }

    public static Mono<Void> created(DatabaseClient db, ConsumedEvent event) {
        var data = event.data();
        var scopes = new String[data.path("scopes").size()];
        for (int i = 0; i < scopes.length; i++) {
            scopes[i] = data.path("scopes").get(i).asString();
        }
        var spec = db.sql("""
                        INSERT INTO partner_key (id, organisation_id, scopes, key_hash) VALUES (:id, :organisation, :scopes, :hash)
                        ON CONFLICT (id) DO NOTHING""")
                .bind("id", UUID.fromString(data.path("apiKeyId").asString())).bind("organisation", event.tenantId())
                .bind("scopes", scopes);
        var hash = data.path("keyHash").asString(null);
        return (hash == null ? spec.bindNull("hash", String.class) : spec.bind("hash", hash)).then();
    }

    public static Mono<Void> revoked(DatabaseClient db, ConsumedEvent event) {
        return db.sql("UPDATE partner_key SET revoked = true WHERE id = :id AND organisation_id = :organisation")
                .bind("id", UUID.fromString(event.data().path("apiKeyId").asString())).bind("organisation", event.tenantId())
                .then();
    }

    /** The partner a presented key belongs to, if the key is known and not revoked. */
    public Mono<Partner> partner(String presentedKey) {
        return db.sql("SELECT id, organisation_id, scopes FROM partner_key WHERE key_hash = :hash AND NOT revoked")
                .bind("hash", ApiKeyAuthentication.digestText(presentedKey))
                .map(row -> new Partner(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
                        Arrays.stream(row.get("scopes", String[].class)).collect(Collectors.toUnmodifiableSet())))
                .one();
    }
}
