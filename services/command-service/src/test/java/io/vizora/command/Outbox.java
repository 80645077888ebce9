package io.vizora.command;

import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What commands left in the outbox, read back as the relay would stream it. */
public final class Outbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Outbox() {
    }

    /** The types of the aggregate's events, oldest first. */
    public static List<String> types(DatabaseClient db, UUID aggregateId) {
        return db.sql("SELECT type FROM outbox WHERE aggregate_id = :id ORDER BY created_at").bind("id", aggregateId.toString())
                .map(row -> row.get(0, String.class)).all().collectList().block();
    }

    /** The data of the aggregate's newest event of a type. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> data(DatabaseClient db, UUID aggregateId, String type) {
        var json = db.sql("SELECT payload->>'data' FROM outbox WHERE aggregate_id = :id AND type = :type ORDER BY created_at DESC LIMIT 1")
                .bind("id", aggregateId.toString()).bind("type", type)
                .map(row -> row.get(0, String.class)).one().block();
        return JSON.readValue(json, Map.class);
    }

    /** Every event of an organisation, as CloudEvents in JSON. */
    public static List<String> events(DatabaseClient db, UUID organisationId) {
        return db.sql("SELECT payload::text FROM outbox WHERE tenant_id = :tenant ORDER BY created_at").bind("tenant", organisationId)
                .map(row -> row.get(0, String.class)).all().collectList().block();
    }
}
