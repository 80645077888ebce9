package io.vizora.command.apikeys.persistence;

import io.vizora.command.apikeys.domain.ApiKeyPrincipal;
import io.vizora.platform.security.Scope;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

@Repository
public class ApiKeyRepository {

    /** An API key as its organisation sees it: never the key itself. */
    public record ApiKeyView(UUID apiKeyId, String name, List<String> scopes, OffsetDateTime createdAt, boolean revoked) {
    }

    private final DatabaseClient db;

    public ApiKeyRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The SHA-256 of a key of the organisation, revoked or not. */
    public Mono<byte[]> digest(UUID organisationId, UUID id) {
        return db.sql("SELECT key_hash FROM api_key WHERE id = :id AND organisation_id = :organisation")
                .bind("id", id).bind("organisation", organisationId)
                .map(row -> row.get("key_hash", byte[].class)).one();
    }

    public Mono<Void> insert(UUID id, UUID organisationId, String name, List<Scope> scopes, byte[] keyHash, UUID createdBy) {
        return db.sql("""
                        INSERT INTO api_key (id, organisation_id, name, scopes, key_hash, created_by)
                        VALUES (:id, :organisation, :name, :scopes, :hash, :createdBy)""")
                .bind("id", id).bind("organisation", organisationId).bind("name", name)
                .bind("scopes", scopes.stream().map(Scope::code).toArray(String[]::new))
                .bind("hash", keyHash).bind("createdBy", createdBy)
                .then();
    }

    public Flux<ApiKeyView> list(UUID organisationId) {
        return db.sql("SELECT id, name, scopes, created_at, revoked_at IS NOT NULL AS revoked FROM api_key WHERE organisation_id = :organisation ORDER BY created_at")
                .bind("organisation", organisationId)
                .map(row -> new ApiKeyView(row.get("id", UUID.class), row.get("name", String.class),
                        Arrays.asList(row.get("scopes", String[].class)), row.get("created_at", OffsetDateTime.class),
                        Boolean.TRUE.equals(row.get("revoked", Boolean.class))))
                .all();
    }

    /** Emits true if the key existed in the organisation and is revoked now; empty if it is not the organisation's. */
    public Mono<Boolean> revoke(UUID organisationId, UUID id) {
        return db.sql("""
                        UPDATE api_key SET revoked_at = coalesce(revoked_at, now())
                        WHERE id = :id AND organisation_id = :organisation
                        RETURNING revoked_at = now() AS revoked_now""")
                .bind("id", id).bind("organisation", organisationId)
                .map(row -> Boolean.TRUE.equals(row.get("revoked_now", Boolean.class))).one();
    }

    public Mono<ApiKeyPrincipal> principal(byte[] keyHash) {
        return db.sql("SELECT id, organisation_id, scopes FROM api_key WHERE key_hash = :hash AND revoked_at IS NULL")
                .bind("hash", keyHash)
                .map(row -> new ApiKeyPrincipal(row.get("id", UUID.class), row.get("organisation_id", UUID.class),
                        Arrays.stream(row.get("scopes", String[].class)).map(Scope::of).collect(Collectors.toUnmodifiableSet())))
                .one();
    }
}
