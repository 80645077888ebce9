package io.vizora.command.persistence;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.UUID;

/** References a request makes to an organisation's rows, checked in one query. */
public final class TenantRows {

    /** The tables whose rows requests refer to by id; the table name never comes from a request. */
    public enum Table { DISPLAY, DISPLAY_GROUP }

    private TenantRows() {
    }

    /** Of the given ids, those that are not rows of the organisation in the table, in order. */
    public static Flux<UUID> unknown(DatabaseClient db, Table table, UUID organisationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT i FROM unnest(:ids::uuid[]) AS i WHERE NOT EXISTS (SELECT 1 FROM " + table.name().toLowerCase(java.util.Locale.ROOT)
                        + " t WHERE t.id = i AND t.organisation_id = :organisation) ORDER BY i")
                .bind("ids", ids.toArray(UUID[]::new)).bind("organisation", organisationId)
                .map(row -> row.get(0, UUID.class)).all();
    }
}
