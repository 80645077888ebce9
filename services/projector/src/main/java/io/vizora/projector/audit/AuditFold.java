package io.vizora.projector.audit;

import io.r2dbc.postgresql.codec.Json;
import io.vizora.consumer.ConsumedEvent;
import io.vizora.consumer.EventHandler;
import io.vizora.platform.security.ApiKeyDirectory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.ZoneOffset;

/**
 * Every event of every domain topic as one line of its organisation's audit log: who, what, when, to
 * what. An API key's digest is left out: it identifies the key to anyone holding it, and says nothing
 * an auditor needs (the key's id does).
 */
public final class AuditFold implements EventHandler {

    @Override
    public Mono<Void> apply(ConsumedEvent event, DatabaseClient db) {
        return db.sql("""
                        INSERT INTO audit_log (event_id, organisation_id, occurred_at, principal, type, subject, data)
                        VALUES (:id, :tenant, :at, :principal, :type, :subject, :data) ON CONFLICT DO NOTHING""")
                .bind("id", event.id()).bind("tenant", event.tenantId()).bind("at", event.time().atOffset(ZoneOffset.UTC))
                .bind("principal", event.principal()).bind("type", event.type()).bind("subject", event.subject())
                .bind("data", Json.of(audited(event).toString()))
                .then();
    }

    private static JsonNode audited(ConsumedEvent event) {
        if (!ApiKeyDirectory.CREATED.equals(event.type()) || !(event.data() instanceof ObjectNode data)) {
            return event.data();
        }
        var copy = data.deepCopy();
        copy.remove("keyHash");
        return copy;
    }
}
