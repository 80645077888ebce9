package io.vizora.outbox;

import io.r2dbc.spi.ConnectionFactory;
import io.vizora.schemas.ContractViolationException;
import io.vizora.schemas.EventContract;
import io.vizora.testsupport.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxWriterIntegrationTests {

    private static final EventContract CONTRACT = EventContract.load();
    private static ConnectionFactory connections;
    private static DatabaseClient db;
    private static TransactionalOperator transaction;
    private static OutboxWriter outbox;

    @BeforeAll
    static void connect() {
        TestStack.migrate();
        connections = TestStack.connectionFactory();
        db = DatabaseClient.create(connections);
        transaction = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        outbox = new OutboxWriter(db, new CloudEventEncoder("command-service", CONTRACT, JsonMapper.shared(), Clock.systemUTC()));
        db.sql("CREATE TABLE IF NOT EXISTS outbox_test_group (id uuid PRIMARY KEY, name text NOT NULL)").then().block();
    }

    /** A command's steps as the command side writes them: a state change and its event. */
    private static Mono<UUID> createGroup(UUID groupId, String name) {
        return db.sql("INSERT INTO outbox_test_group (id, name) VALUES (:id, :name)")
                .bind("id", groupId).bind("name", name).then()
                .then(outbox.append(Events.groupCreated(groupId, name)));
    }

    @Test
    void aCommittedCommandLeavesItsEventInTheOutboxAsAValidCloudEvent() {
        var groupId = UUID.randomUUID();
        var eventId = createGroup(groupId, "Lobby screens").as(transaction::transactional).block();

        var row = db.sql("SELECT topic, aggregate_id, type, tenant_id, payload::text AS payload FROM outbox WHERE id = :id")
                .bind("id", eventId).fetch().one().block();

        assertThat(row).isNotNull();
        assertThat(row.get("topic")).isEqualTo("vizora.fleet");
        assertThat(row.get("aggregate_id")).isEqualTo(groupId.toString());
        assertThat(row.get("type")).isEqualTo("vizora.fleet.display_group_created.v1");
        assertThat(row.get("tenant_id")).isEqualTo(Events.TENANT);
        assertThat(CONTRACT.violations(((String) row.get("payload")).getBytes())).isEmpty();
    }

    @Test
    void aCommandThatRollsBackLeavesNeitherStateNorEvent() {
        var groupId = UUID.randomUUID();
        var failing = createGroup(groupId, "Doomed")
                .then(Mono.error(new IllegalStateException("a later step failed")))
                .as(transaction::transactional);

        assertThatThrownBy(failing::block).hasMessageContaining("a later step failed");
        assertThat(count("outbox_test_group", "id", groupId.toString())).isZero();
        assertThat(count("outbox", "aggregate_id", groupId.toString())).isZero();
    }

    @Test
    void anEventThatBreaksItsSchemaFailsTheCommandAndWritesNothing() {
        var displayId = UUID.randomUUID();
        var badEvent = new OutboxEvent("vizora.fleet.display_paired.v1", displayId, Events.TENANT, Events.OPERATOR,
                new Events.DisplayPaired(displayId, "", "Europe/Berlin", List.of(), List.of()));
        var command = db.sql("INSERT INTO outbox_test_group (id, name) VALUES (:id, 'state')").bind("id", displayId).then()
                .then(outbox.append(badEvent))
                .as(transaction::transactional);

        assertThatThrownBy(command::block).isInstanceOf(ContractViolationException.class);
        assertThat(count("outbox_test_group", "id", displayId.toString())).isZero();
        assertThat(count("outbox", "aggregate_id", displayId.toString())).isZero();
    }

    @Test
    void theMigrationsCreateThePublicationForInsertsOnlyAndTheRelaysSlot() {
        var publication = db.sql("SELECT pubinsert, pubupdate, pubdelete FROM pg_publication WHERE pubname = 'vizora_outbox'")
                .fetch().one().block();
        var tables = db.sql("SELECT tablename FROM pg_publication_tables WHERE pubname = 'vizora_outbox' ORDER BY tablename")
                .map(r -> r.get(0, String.class)).all().collectList().block();
        var slotPlugin = db.sql("SELECT plugin FROM pg_replication_slots WHERE slot_name = 'vizora_outbox'")
                .map(r -> r.get(0, String.class)).one().block();

        assertThat(publication).containsEntry("pubinsert", true).containsEntry("pubupdate", false).containsEntry("pubdelete", false);
        assertThat(tables).containsExactly("outbox", "outbox_heartbeat");
        assertThat(slotPlugin).isEqualTo("pgoutput");
    }

    private static long count(String table, String column, String value) {
        return db.sql("SELECT count(*) FROM " + table + " WHERE " + column + "::text = :value")
                .bind("value", value).map(r -> r.get(0, Long.class)).one().block();
    }
}
