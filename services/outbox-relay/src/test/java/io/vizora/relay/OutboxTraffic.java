package io.vizora.relay;

import io.r2dbc.spi.ConnectionFactory;
import io.vizora.outbox.CloudEventEncoder;
import io.vizora.outbox.OutboxEvent;
import io.vizora.outbox.OutboxWriter;
import io.vizora.outbox.Principal;
import io.vizora.schemas.EventContract;
import io.vizora.testsupport.TestStack;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Commands as the command side issues them, for one tenant: each creates or renames a display
 * group and appends its event in one transaction. Names carry a per-group sequence number, so
 * consumers can check order per aggregate.
 */
final class OutboxTraffic {

    record GroupCreated(UUID groupId, String name) {
    }

    record GroupRenamed(UUID groupId, String name) {
    }

    static final EventContract CONTRACT = EventContract.load();

    final UUID tenant;
    private final Principal operator = Principal.user(UUID.randomUUID());
    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final OutboxWriter outbox;

    OutboxTraffic() {
        this(UUID.randomUUID());
    }

    /** Traffic of the same tenant over new connections, e.g. after Postgres restarted. */
    OutboxTraffic reconnected() {
        return new OutboxTraffic(tenant);
    }

    private OutboxTraffic(UUID tenant) {
        this.tenant = tenant;
        ConnectionFactory connections = TestStack.connectionFactory();
        db = DatabaseClient.create(connections);
        transaction = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        outbox = new OutboxWriter(db, new CloudEventEncoder("command-service", CONTRACT, JsonMapper.shared(), Clock.systemUTC()));
    }

    OutboxEvent event(UUID groupId, int sequence) {
        var name = "group " + groupId.toString().substring(0, 8) + " #" + sequence;
        return sequence == 0
                ? new OutboxEvent("vizora.fleet.display_group_created.v1", groupId, tenant, operator, new GroupCreated(groupId, name))
                : new OutboxEvent("vizora.fleet.display_group_renamed.v1", groupId, tenant, operator, new GroupRenamed(groupId, name));
    }

    /** Commits one transaction holding the given events; emits their ids. */
    Mono<List<UUID>> commit(List<OutboxEvent> events) {
        return outbox.appendAll(events).as(transaction::transactional);
    }

    /**
     * Commits {@code perGroup} events for each of {@code groups} groups, {@code perTransaction}
     * events a transaction, {@code concurrency} transactions at a time; returns every event id.
     */
    List<UUID> commitMany(int groups, int perGroup, int perTransaction, int concurrency) {
        var groupIds = IntStream.range(0, groups).mapToObj(i -> UUID.randomUUID()).toList();
        var batches = new ArrayList<List<OutboxEvent>>();
        for (int sequence = 0; sequence < perGroup; sequence += perTransaction) {
            for (var groupId : groupIds) {
                var batch = new ArrayList<OutboxEvent>();
                for (int s = sequence; s < Math.min(perGroup, sequence + perTransaction); s++) {
                    batch.add(event(groupId, s));
                }
                batches.add(batch);
            }
        }
        // concatMap per group keeps each group's transactions in order; groups run side by side
        return Flux.fromIterable(groupIds)
                .flatMap(groupId -> Flux.fromIterable(batches)
                        .filter(batch -> batch.getFirst().aggregateId().equals(groupId.toString()))
                        .concatMap(this::commit), concurrency)
                .flatMapIterable(ids -> ids)
                .collectList().block();
    }

    static int sequenceOf(byte[] cloudEvent) {
        var name = JsonMapper.shared().readTree(cloudEvent).path("data").path("name").asString();
        return Integer.parseInt(name.substring(name.lastIndexOf('#') + 1));
    }

    DatabaseClient db() {
        return db;
    }

    TransactionalOperator transaction() {
        return transaction;
    }
}
