package io.vizora.projector.audit;

import io.r2dbc.postgresql.codec.Json;
import io.vizora.consumer.ConsumedEvent;
import io.vizora.consumer.EventHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.ZoneOffset;

/** Every event of every domain topic as one line of its organisation's audit log: who, what, when, to what. */
public final class AuditFold implements EventHandler {

    @Override
    public Mono<Void> apply(ConsumedEvent event, DatabaseClient db) {
        return db.sql("""
                        INSERT INTO audit_log (event_id, organisation_id, occurred_at, principal, type, subject, data)
                        VALUES (:id, :tenant, :at, :principal, :type, :subject, :data) ON CONFLICT DO NOTHING""")
                .bind("id", event.id()).bind("tenant", event.tenantId()).bind("at", event.time().atOffset(ZoneOffset.UTC))
                .bind("principal", event.principal()).bind("type", event.type()).bind("subject", event.subject())
                .bind("data", Json.of(event.data().toString()))
                .then();
    }
}
