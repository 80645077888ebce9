package io.vizora.command.identity.tokens;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Opaque, rotating refresh tokens: 256 random bits, stored as SHA-256 hashes. Each use spends
 * the token and issues the next of its family; presenting a spent token means it was copied, so
 * the whole family is revoked and its holder must log in again.
 */
public class RefreshTokens {

    public record Owner(UUID userId, UUID organisationId, UUID familyId) {
    }

    /** What presenting a refresh token led to. */
    public sealed interface Outcome {
        record Rotated(Owner owner, String next) implements Outcome { }
        record Reused() implements Outcome { }
        record Invalid() implements Outcome { }
    }

    private final DatabaseClient db;
    private final TokenProperties properties;
    private final Clock clock;

    public RefreshTokens(DatabaseClient db, TokenProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a new family (a login); emits the token to hand out. */
    public Mono<String> issue(UUID userId, UUID organisationId) {
        return issue(new Owner(userId, organisationId, UUID.randomUUID()));
    }

    private Mono<String> issue(Owner owner) {
        var token = OpaqueTokens.generate();
        return db.sql("""
                        INSERT INTO refresh_token (id, family_id, user_id, organisation_id, token_hash, expires_at)
                        VALUES (:id, :family, :user, :organisation, :hash, :expires)""")
                .bind("id", UUID.randomUUID()).bind("family", owner.familyId())
                .bind("user", owner.userId()).bind("organisation", owner.organisationId())
                .bind("hash", hash(token))
                .bind("expires", OffsetDateTime.ofInstant(clock.instant().plus(properties.refreshTokenLifetime()), ZoneOffset.UTC))
                .then().thenReturn(token);
    }

    /** Spends a token and issues its successor; a spent token revokes its family. Run in a transaction. */
    public Mono<Outcome> rotate(String token) {
        var hash = hash(token);
        return db.sql("""
                        UPDATE refresh_token SET spent_at = now()
                        WHERE token_hash = :hash AND spent_at IS NULL AND revoked_at IS NULL AND expires_at > now()
                        RETURNING user_id, organisation_id, family_id""")
                .bind("hash", hash)
                .map(row -> new Owner(row.get("user_id", UUID.class), row.get("organisation_id", UUID.class), row.get("family_id", UUID.class)))
                .one()
                .flatMap(owner -> issue(owner).<Outcome>map(next -> new Outcome.Rotated(owner, next)))
                .switchIfEmpty(Mono.defer(() -> revokeIfSpent(hash)));
    }

    private Mono<Outcome> revokeIfSpent(byte[] hash) {
        return db.sql("""
                        UPDATE refresh_token SET revoked_at = now()
                        WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = :hash AND spent_at IS NOT NULL)
                          AND revoked_at IS NULL""")
                .bind("hash", hash).fetch().rowsUpdated()
                .map(revoked -> revoked > 0 ? new Outcome.Reused() : new Outcome.Invalid());
    }

    /** Logs out: revokes the family of the given token. */
    public Mono<Void> revokeFamily(String token) {
        return db.sql("""
                        UPDATE refresh_token SET revoked_at = now()
                        WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = :hash) AND revoked_at IS NULL""")
                .bind("hash", hash(token)).then();
    }

    private static byte[] hash(String token) {
        return OpaqueTokens.hash(token);
    }
}
