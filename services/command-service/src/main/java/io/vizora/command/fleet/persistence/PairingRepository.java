package io.vizora.command.fleet.persistence;

import io.vizora.command.fleet.domain.PairingCode;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Screens waiting to be paired: a code for the operator, a secret hash for the screen. */
@Repository
public class PairingRepository {

    /** Where a pairing stands when the screen asks. */
    public sealed interface Status {
        record Pending(Instant expiresAt) implements Status { }
        record Claimed(UUID displayId, UUID organisationId) implements Status { }
    }

    private final DatabaseClient db;

    public PairingRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Records a request under a code; emits when it expires, or nothing when a live request holds
     * that code already (the caller draws another). An expired request's code is taken over.
     */
    public Mono<Instant> insert(UUID id, PairingCode code, byte[] secretHash, Duration lifetime) {
        return db.sql("""
                        INSERT INTO pairing_request (id, code, secret_hash, expires_at)
                        VALUES (:id, :code, :secret, now() + :seconds * interval '1 second')
                        ON CONFLICT (code) DO UPDATE SET id = EXCLUDED.id, secret_hash = EXCLUDED.secret_hash, expires_at = EXCLUDED.expires_at
                        WHERE pairing_request.expires_at < now()
                        RETURNING expires_at""")
                .bind("id", id).bind("code", code.value()).bind("secret", secretHash).bind("seconds", lifetime.toSeconds())
                .map(row -> row.get("expires_at", OffsetDateTime.class).toInstant()).one();
    }

    /** Forgets requests that expired a while ago, claimed or not. */
    public Mono<Long> purgeExpired() {
        return db.sql("DELETE FROM pairing_request WHERE expires_at < now() - interval '1 hour'").fetch().rowsUpdated();
    }

    /**
     * Claims a live code for a display: the code is spent, and the screen has {@code collectWithin}
     * to collect its credentials. Emits the request's id, or empty if no live request has the code.
     * The display row must exist already (same transaction).
     */
    public Mono<UUID> claim(PairingCode code, UUID displayId, Duration collectWithin) {
        return db.sql("""
                        UPDATE pairing_request SET code = NULL, display_id = :display, claimed_at = now(),
                               expires_at = now() + :seconds * interval '1 second'
                        WHERE code = :code AND expires_at > now() AND display_id IS NULL
                        RETURNING id""")
                .bind("display", displayId).bind("code", code.value()).bind("seconds", collectWithin.toSeconds())
                .map(row -> row.get("id", UUID.class)).one();
    }

    /** The request's status for the screen holding its secret; empty if unknown, expired or the secret is wrong. */
    public Mono<Status> status(UUID id, byte[] secretHash) {
        return db.sql("""
                        SELECT r.expires_at, r.display_id, d.organisation_id FROM pairing_request r
                        LEFT JOIN display d ON d.id = r.display_id
                        WHERE r.id = :id AND r.secret_hash = :secret AND r.expires_at > now()""")
                .bind("id", id).bind("secret", secretHash)
                .map(row -> row.get("display_id", UUID.class) == null
                        ? (Status) new Status.Pending(row.get("expires_at", OffsetDateTime.class).toInstant())
                        : new Status.Claimed(row.get("display_id", UUID.class), row.get("organisation_id", UUID.class)))
                .one();
    }

    /** Ends a claimed request once the screen has its credentials: they are handed out once. */
    public Mono<Boolean> collected(UUID id) {
        return db.sql("DELETE FROM pairing_request WHERE id = :id AND display_id IS NOT NULL")
                .bind("id", id).fetch().rowsUpdated().map(rows -> rows > 0);
    }
}
