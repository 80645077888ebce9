package io.vizora.platform.security;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * API keys as a service other than the command service knows them: folded from
 * {@code api_key_created} and {@code api_key_revoked} into a table of its own (organisation,
 * scopes, SHA-256 digest, never the key), and looked up by the key a partner presents. A key
 * created before digests were announced cannot be used outside the command service.
 */
public final class ApiKeyDirectory {

    /** A partner system that presented a live key. */
    public record Holder(UUID apiKeyId, UUID organisationId, Set<String> scopes) {

        public String name() {
            return "apikey:" + apiKeyId;
        }
    }

    public static final String CREATED = "vizora.identity.api_key_created.v1";
    public static final String REVOKED = "vizora.identity.api_key_revoked.v1";

    private final String table;

    /** {@code table} has the columns id, organisation_id, scopes (text[]), key_hash (unique) and revoked. */
    public ApiKeyDirectory(String table) {
        this.table = table;
    }

    /** Whether the fold has anything to do with events of this type. */
    public static boolean folds(String type) {
        return CREATED.equals(type) || REVOKED.equals(type);
    }

    /** Folds a {@link #CREATED} or {@link #REVOKED} event's data, as it arrives for the organisation {@code tenant}. */
    public Mono<Void> fold(DatabaseClient db, String type, UUID tenant, JsonNode data) {
        return switch (type) {
            case CREATED -> created(db, tenant, data);
            case REVOKED -> revoked(db, tenant, data);
            default -> Mono.empty();
        };
    }

    private Mono<Void> created(DatabaseClient db, UUID tenant, JsonNode data) {
        var scopes = new String[data.path("scopes").size()];
        for (int i = 0; i < scopes.length; i++) {
            scopes[i] = data.path("scopes").get(i).asString();
        }
        var spec = db.sql("INSERT INTO " + table + " (id, organisation_id, scopes, key_hash) VALUES (:id, :organisation, :scopes, :hash)"
                        + " ON CONFLICT (id) DO NOTHING")
                .bind("id", UUID.fromString(data.path("apiKeyId").asString())).bind("organisation", tenant)
                .bind("scopes", scopes);
        var hash = data.path("keyHash").asString(null);
        return (hash == null ? spec.bindNull("hash", String.class) : spec.bind("hash", hash)).then();
    }

    private Mono<Void> revoked(DatabaseClient db, UUID tenant, JsonNode data) {
        return db.sql("UPDATE " + table + " SET revoked = true WHERE id = :id AND organisation_id = :organisation")
                .bind("id", UUID.fromString(data.path("apiKeyId").asString())).bind("organisation", tenant)
                .then();
    }

    /** Finds the holder of a presented key, if the key is known and not revoked. */
    public Function<String, Mono<Holder>> holders(DatabaseClient db) {
        return presentedKey -> db.sql("SELECT id, organisation_id, scopes FROM " + table + " WHERE key_hash = :hash AND NOT revoked")
                .bind("hash", ApiKeyAuthentication.digestText(presentedKey))
                .map(row -> new Holder(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
                        Arrays.stream(row.get("scopes", String[].class)).collect(Collectors.toUnmodifiableSet())))
                .one();
    }

    /** Whether the key is still known and not revoked: asked again by what outlives one request (a stream). */
    public Mono<Boolean> live(DatabaseClient db, UUID apiKeyId) {
        return db.sql("SELECT 1 FROM " + table + " WHERE id = :id AND NOT revoked").bind("id", apiKeyId).map(row -> true).one().defaultIfEmpty(false);
    }

    /** The API-key filter for a service's security chain: the holder becomes the principal, its scopes authorities. */
    public org.springframework.security.web.server.authentication.AuthenticationWebFilter filter(
            DatabaseClient db, AccessRevocations revocations, org.springframework.security.web.server.ServerAuthenticationEntryPoint unauthenticated) {
        return ApiKeyAuthentication.filter(revocations.unlessRevoked(holders(db)), Holder::name, Holder::scopes, unauthenticated);
    }
}
