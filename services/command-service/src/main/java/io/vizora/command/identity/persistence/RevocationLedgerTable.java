package io.vizora.command.identity.persistence;

import io.vizora.platform.security.RevocationLedger;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The revocations in Postgres, written in the transaction of the change that revokes (ADR 0044). */
@Repository
public class RevocationLedgerTable implements RevocationLedger {

    private final DatabaseClient db;

    public RevocationLedgerTable(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> keep(Revocation revocation, long forgetBefore) {
        // revocations are rare: dropping the expired ones as a new one comes keeps the table small without a sweeper
        return db.sql("DELETE FROM access_revocation WHERE revoked_at_ms < :before").bind("before", forgetBefore).then()
                .then(db.sql("""
                                INSERT INTO access_revocation (subject, revoked_at_ms) VALUES (:subject, :at)
                                ON CONFLICT (subject) DO UPDATE SET revoked_at_ms = greatest(access_revocation.revoked_at_ms, excluded.revoked_at_ms)""")
                        .bind("subject", revocation.subject()).bind("at", revocation.millis()).then());
    }

    @Override
    public Flux<Revocation> since(long millis) {
        return db.sql("SELECT subject, revoked_at_ms FROM access_revocation WHERE revoked_at_ms >= :since")
                .bind("since", millis)
                .map(row -> new Revocation(row.get("subject", String.class), row.get("revoked_at_ms", Long.class)))
                .all();
    }
}
