package io.vizora.projector.audit;

import io.vizora.consumer.ConsumedEvent;
import io.vizora.consumer.EventHandler;
import io.vizora.platform.security.ApiKeyDirectory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Every event of every domain topic as one line of its organisation's audit log: who, what, when, to
 * what. An API key's digest is left out: it identifies the key to anyone holding it, and says nothing
 * an auditor needs (the key's id does).
 */
public final class AuditFold implements EventHandler {

    /** A line per event id, and a repeated event changes nothing (ON CONFLICT DO NOTHING). */
    @Override
    public boolean keyedByEventId() {
        return true;
    }

    /** A batch's lines in one statement: the audit log is append-only, so order within a batch does not matter. */
    @Override
    public Mono<Void> applyAll(List<ConsumedEvent> events, DatabaseClient db) {
        return db.sql("""
                        INSERT INTO audit_log (event_id, organisation_id, occurred_at, principal, type, subject, data)
                        SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:tenants AS uuid[]), CAST(:ats AS timestamptz[]),
                                             :principals, :types, :subjects, CAST(:data AS jsonb[]))
                        ON CONFLICT DO NOTHING""")
                .bind("ids", column(events, event -> event.id().toString()))
                .bind("tenants", column(events, event -> event.tenantId().toString()))
                .bind("ats", column(events, event -> event.time().toString()))
                .bind("principals", column(events, ConsumedEvent::principal))
                .bind("types", column(events, ConsumedEvent::type))
                .bind("subjects", column(events, ConsumedEvent::subject))
                .bind("data", column(events, event -> audited(event).toString()))
                .then();
    }

    private static String[] column(List<ConsumedEvent> events, Function<ConsumedEvent, String> value) {
        return events.stream().map(value).toArray(String[]::new);
    }

    @Override
    public Mono<Void> apply(ConsumedEvent event, DatabaseClient db) {
        return applyAll(List.of(event), db);
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
