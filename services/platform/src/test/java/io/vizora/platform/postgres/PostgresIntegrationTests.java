package io.vizora.platform.postgres;

import io.vizora.platform.StackIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@StackIntegrationTest
class PostgresIntegrationTests {

    @Autowired
    DatabaseClient db;

    @Test
    void aRowInsertedOverR2dbcIsReadBack() {
        var table = "probe_" + suffix();
        db.sql("CREATE TABLE " + table + " (id uuid PRIMARY KEY, name text NOT NULL)").then().block();
        try {
            var id = UUID.randomUUID();
            var inserted = db.sql("INSERT INTO " + table + " (id, name) VALUES (:id, :name)")
                    .bind("id", id).bind("name", "lobby screen")
                    .fetch().rowsUpdated().block();
            var name = db.sql("SELECT name FROM " + table + " WHERE id = :id")
                    .bind("id", id)
                    .map(row -> row.get("name", String.class)).one().block();

            assertThat(inserted).isEqualTo(1);
            assertThat(name).isEqualTo("lobby screen");
        } finally {
            db.sql("DROP TABLE " + table).then().block();
        }
    }

    @Test
    void theServiceUserCanCreateALogicalReplicationSlotWithPgoutput() {
        var slot = "probe_" + suffix();
        var walLevel = db.sql("SHOW wal_level").map(row -> row.get(0, String.class)).one().block();
        db.sql("SELECT pg_create_logical_replication_slot(:slot, 'pgoutput')").bind("slot", slot).then().block();
        try {
            var plugin = db.sql("SELECT plugin FROM pg_replication_slots WHERE slot_name = :slot")
                    .bind("slot", slot)
                    .map(row -> row.get("plugin", String.class)).one().block();

            assertThat(walLevel).isEqualTo("logical");
            assertThat(plugin).isEqualTo("pgoutput");
        } finally {
            db.sql("SELECT pg_drop_replication_slot(:slot)").bind("slot", slot).then().block();
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
