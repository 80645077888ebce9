package io.vizora.consumer;

import io.r2dbc.spi.ConnectionFactory;
import io.vizora.schemas.Envelope;
import io.vizora.schemas.EventContract;
import io.vizora.platform.kafka.consumer.ConsumerState;
import io.vizora.testsupport.CuttableLink;
import io.vizora.testsupport.TestStack;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IdempotentEventConsumerIntegrationTests {

    private static final EventContract CONTRACT = EventContract.load();
    private static DatabaseClient db;
    private static TransactionalOperator transaction;
    private static KafkaProducer<String, byte[]> producer;

    private String topic;
    private IdempotentEventConsumer consumer;

    @BeforeAll
    static void connect() {
        TestStack.migrate();
        ConnectionFactory connections = TestStack.connectionFactory();
        db = DatabaseClient.create(connections);
        transaction = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        db.sql("CREATE TABLE IF NOT EXISTS consumer_test_effect (event_id uuid NOT NULL, subject text NOT NULL)").then().block();
        db.sql("CREATE TABLE IF NOT EXISTS consumer_test_log (event_id uuid PRIMARY KEY, subject text NOT NULL)").then().block();
        db.sql("CREATE TABLE IF NOT EXISTS consumer_test_ordered (seq bigserial, event_id uuid NOT NULL, subject text NOT NULL)").then().block();
        db.sql("CREATE TABLE IF NOT EXISTS consumer_test_batched (seq bigserial, event_id uuid NOT NULL, tx bigint NOT NULL)").then().block();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @BeforeEach
    void createTopics() throws Exception {
        topic = "it-consumer-" + UUID.randomUUID();
        try (var admin = TestStack.kafkaAdmin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1), new NewTopic(topic + ".dlt", 1, (short) 1))).all().get();
        }
        // a broker busy starting up may take a while to lead a new topic's partitions
        await().atMost(Duration.ofSeconds(60)).until(() -> producer.partitionsFor(topic).stream()
                .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty()));
    }

    @AfterEach
    void stop() {
        if (consumer != null) {
            consumer.close();
        }
    }

    private void startConsumer(EventHandler handler) {
        consumer = new IdempotentEventConsumer(IdempotentEventConsumer.Settings.of("test-" + topic, TestStack.kafkaBootstrapServers(), List.of(topic)),
                CONTRACT, db, transaction, handler);
        consumer.start();
    }

    private static final EventHandler RECORD_EFFECT = (event, client) ->
            client.sql("INSERT INTO consumer_test_effect (event_id, subject) VALUES (:id, :subject)")
                    .bind("id", event.id()).bind("subject", event.subject()).then();

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        startConsumer(RECORD_EFFECT);
        var groupId = UUID.randomUUID();
        var event = groupCreated(UUID.randomUUID(), groupId);
        for (int i = 0; i < 3; i++) {
            send(groupId, event);
        }
        var marker = groupCreated(UUID.randomUUID(), groupId);
        send(groupId, marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(idOf(marker)) == 1);
        assertThat(effects(idOf(event))).isEqualTo(1);
    }

    @Test
    void aFoldKeyedByEventIdAppliesARedeliveredEventOnceAndKeepsNoDedupRecord() throws Exception {
        var groupId = UUID.randomUUID();
        var event = groupCreated(UUID.randomUUID(), groupId);
        for (int i = 0; i < 3; i++) {
            producer.send(new ProducerRecord<>(topic, groupId.toString(), event)); // in one batch
        }
        producer.flush();
        startConsumer(new EventHandler() {
            @Override
            public Mono<Void> apply(ConsumedEvent consumed, DatabaseClient client) {
                return client.sql("INSERT INTO consumer_test_log (event_id, subject) VALUES (:id, :subject) ON CONFLICT DO NOTHING")
                        .bind("id", consumed.id()).bind("subject", consumed.subject()).then();
            }

            @Override
            public boolean keyedByEventId() {
                return true;
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> logged(idOf(event)) == 1);
        send(groupId, event); // in a later batch
        var marker = groupCreated(UUID.randomUUID(), groupId);
        send(groupId, marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> logged(idOf(marker)) == 1);
        assertThat(logged(idOf(event))).isEqualTo(1);
        assertThat(processed(idOf(event))).isZero();
    }

    private static long logged(UUID eventId) {
        return db.sql("SELECT count(*) FROM consumer_test_log WHERE event_id = :id").bind("id", eventId)
                .map(r -> r.get(0, Long.class)).one().block();
    }

    @Test
    void eventsThatBreakTheContractAreDeadLetteredAndThePartitionMovesOn() throws Exception {
        startConsumer(RECORD_EFFECT);
        var groupId = UUID.randomUUID();
        var withoutName = JsonMapper.shared().readTree(groupCreated(UUID.randomUUID(), groupId));
        ((ObjectNode) withoutName.get("data")).remove("name");
        var valid = groupCreated(UUID.randomUUID(), groupId);

        send(groupId, "{not json".getBytes(StandardCharsets.UTF_8));
        send(groupId, JsonMapper.shared().writeValueAsBytes(withoutName));
        send(groupId, valid);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(idOf(valid)) == 1);
        var deadLetters = readDeadLetters(2);
        assertThat(deadLetters).extracting(r -> header(r, DeadLetterHeaders.REASON))
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("not JSON"),
                        reason -> assertThat(reason).contains("data:").contains("name"));
        assertThat(deadLetters).allSatisfy(r -> {
            assertThat(header(r, "kafka_dlt-original-topic")).isEqualTo(topic);
            assertThat(header(r, DeadLetterHeaders.CONSUMER)).isEqualTo("test-" + topic);
            assertThat(r.key()).isEqualTo(groupId.toString());
        });
        assertThat(effects(idOf(withoutName.toString().getBytes()))).isZero();
    }

    @Test
    void eventsOfATypeTheFoldDoesNotFoldArePassedOverUncheckedAndUnrecorded() throws Exception {
        startConsumer(new EventHandler() {
            @Override
            public Mono<Void> apply(ConsumedEvent event, DatabaseClient client) {
                return RECORD_EFFECT.apply(event, client);
            }

            @Override
            public boolean folds(String type) {
                return type.equals("vizora.fleet.display_group_created.v1");
            }
        });
        var groupId = UUID.randomUUID();
        var renamed = (ObjectNode) JsonMapper.shared().readTree(groupEvent("vizora.fleet.display_group_renamed.v1", UUID.randomUUID(), groupId));
        ((ObjectNode) renamed.get("data")).remove("name"); // breaks its schema: whoever folds renames dead-letters it
        var brokenCreated = (ObjectNode) JsonMapper.shared().readTree(groupCreated(UUID.randomUUID(), groupId));
        ((ObjectNode) brokenCreated.get("data")).remove("name");
        var created = groupCreated(UUID.randomUUID(), groupId);

        send(groupId, JsonMapper.shared().writeValueAsBytes(renamed));
        // named in its header as the relay names types: passed over before its body is read
        var named = new ProducerRecord<>(topic, groupId.toString(), "{not json".getBytes(StandardCharsets.UTF_8));
        named.headers().add(Envelope.TYPE_HEADER, "vizora.fleet.display_group_renamed.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(named).get();
        send(groupId, JsonMapper.shared().writeValueAsBytes(brokenCreated));
        send(groupId, created);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(idOf(created)) == 1);
        assertThat(readDeadLetters(1)).extracting(r -> idOf(r.value())).containsExactly(idOf(JsonMapper.shared().writeValueAsBytes(brokenCreated)));
        var passedOver = idOf(JsonMapper.shared().writeValueAsBytes(renamed));
        assertThat(effects(passedOver)).isZero();
        assertThat(processed(passedOver)).isZero();
    }

    @Test
    void anEventWhoseEffectKeepsFailingIsDeadLetteredAfterRetriesAndLeavesNoDedupRecord() throws Exception {
        var doomed = UUID.randomUUID();
        startConsumer((event, client) -> event.subject().equals(doomed.toString())
                ? Mono.error(new IllegalStateException("projection rejected group " + doomed))
                : RECORD_EFFECT.apply(event, client));
        var failing = groupCreated(UUID.randomUUID(), doomed);
        var afterIt = groupCreated(UUID.randomUUID(), UUID.randomUUID());
        send(doomed, failing);
        send(UUID.fromString(JsonMapper.shared().readTree(afterIt).path("subject").asString()), afterIt);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(idOf(afterIt)) == 1);
        var deadLetters = readDeadLetters(1);
        assertThat(header(deadLetters.getFirst(), DeadLetterHeaders.REASON)).contains("projection rejected group " + doomed);
        assertThat(processed(idOf(failing))).isZero();
    }

    @Test
    void aPoisonEventInTheMiddleOfABatchIsDeadLetteredWhileItsNeighboursApplyOnceAndInOrder() throws Exception {
        var key = UUID.randomUUID();
        var doomed = UUID.randomUUID();
        var sent = new ArrayList<UUID>();
        for (int i = 0; i < 60; i++) {
            var event = groupCreated(UUID.randomUUID(), i == 30 ? doomed : UUID.randomUUID());
            sent.add(idOf(event));
            producer.send(new ProducerRecord<>(topic, key.toString(), event));
            if (i == 45) {
                producer.send(new ProducerRecord<>(topic, key.toString(), event)); // redelivered within the same batch
            }
        }
        producer.flush();
        // started after the sends, so that the first poll holds them all
        startConsumer((event, client) -> event.subject().equals(doomed.toString())
                ? Mono.error(new IllegalStateException("projection rejected group " + doomed))
                : ORDERED_EFFECT.apply(event, client));

        var expected = new ArrayList<>(sent);
        var poison = expected.remove(30);
        await().atMost(Duration.ofSeconds(30)).until(() -> ordered(expected).size() == expected.size());
        assertThat(ordered(expected)).containsExactlyElementsOf(expected);
        assertThat(readDeadLetters(1)).extracting(r -> idOf(r.value())).containsExactly(poison);
        assertThat(processed(poison)).isZero();
    }

    @Test
    void aRunOfEventsThatBreakTheContractIsDeadLetteredInStrideWhileTheirNeighboursApplyInOneTransactionInOrder() throws Exception {
        var key = UUID.randomUUID();
        var valid = new ArrayList<UUID>();
        var broken = new ArrayList<UUID>();
        for (int i = 0; i < 90; i++) {
            var event = (ObjectNode) JsonMapper.shared().readTree(groupCreated(UUID.randomUUID(), UUID.randomUUID()));
            if (i % 3 == 1) {
                ((ObjectNode) event.get("data")).remove("name");
            }
            var bytes = JsonMapper.shared().writeValueAsBytes(event);
            (i % 3 == 1 ? broken : valid).add(idOf(bytes));
            producer.send(new ProducerRecord<>(topic, key.toString(), bytes));
        }
        producer.flush();
        // started after the sends, so that the first poll holds them all
        startConsumer((event, client) -> client.sql("INSERT INTO consumer_test_batched (event_id, tx) VALUES (:id, txid_current())")
                .bind("id", event.id()).then());

        await().atMost(Duration.ofSeconds(30)).until(() -> batched(valid).size() == valid.size());
        var applied = batched(valid);
        assertThat(applied).extracting(row -> row.get("event_id")).containsExactlyElementsOf(valid);
        assertThat(applied).extracting(row -> row.get("tx")).as("one transaction, not one per stretch between broken events").containsOnly(applied.getFirst().get("tx"));
        assertThat(readDeadLetters(broken.size())).extracting(r -> idOf(r.value())).containsExactlyElementsOf(broken);
    }

    @Test
    void eventsThatArriveWhilePostgresDoesNotAnswerWaitForItAndApplyOnceInOrderWhenItAnswersAgain() throws Exception {
        try (var link = new CuttableLink(TestStack.postgresHost(), TestStack.postgresPort())) {
            var connections = TestStack.connectionFactory(link);
            consumer = new IdempotentEventConsumer(IdempotentEventConsumer.Settings.of("test-" + topic, TestStack.kafkaBootstrapServers(), List.of(topic)),
                    CONTRACT, DatabaseClient.create(connections), TransactionalOperator.create(new R2dbcTransactionManager(connections)), ORDERED_EFFECT);
            consumer.start();
            var key = UUID.randomUUID();
            var first = groupCreated(UUID.randomUUID(), UUID.randomUUID());
            send(key, first);
            await().atMost(Duration.ofSeconds(30)).until(() -> ordered(List.of(idOf(first))).size() == 1);

            link.cut();
            var sent = new ArrayList<UUID>();
            for (int i = 0; i < 20; i++) {
                var event = groupCreated(UUID.randomUUID(), UUID.randomUUID());
                sent.add(idOf(event));
                producer.send(new ProducerRecord<>(topic, key.toString(), event));
            }
            producer.flush();

            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.consumerState().condition() == ConsumerState.Condition.FAILING);
            // many times as long as an event's three attempts (0.2 s and 0.4 s apart): none is given up meanwhile
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> deadLettered() == 0 && consumer.consumerState().condition() == ConsumerState.Condition.FAILING);

            link.restore();
            await().atMost(Duration.ofSeconds(30)).until(() -> ordered(sent).size() == sent.size());
            assertThat(ordered(sent)).containsExactlyElementsOf(sent);
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.consumerState().consuming());
            assertThat(deadLettered()).isZero();
        }
    }

    private static final EventHandler ORDERED_EFFECT = (event, client) ->
            client.sql("INSERT INTO consumer_test_ordered (event_id, subject) VALUES (:id, :subject)")
                    .bind("id", event.id()).bind("subject", event.subject()).then();

    /** Records on the dead-letter topic so far. */
    private long deadLettered() throws Exception {
        try (var admin = TestStack.kafkaAdmin()) {
            var partition = new TopicPartition(topic + ".dlt", 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
        }
    }

    private static List<Map<String, Object>> batched(List<UUID> ids) {
        return db.sql("SELECT event_id, tx FROM consumer_test_batched WHERE event_id = ANY(CAST(:ids AS uuid[])) ORDER BY seq")
                .bind("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .fetch().all().collectList().block();
    }

    private static List<UUID> ordered(List<UUID> ids) {
        return db.sql("SELECT event_id FROM consumer_test_ordered WHERE event_id = ANY(CAST(:ids AS uuid[])) ORDER BY seq")
                .bind("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .map(r -> r.get(0, UUID.class)).all().collectList().block();
    }

    private static byte[] groupCreated(UUID eventId, UUID groupId) throws IOException {
        return groupEvent("vizora.fleet.display_group_created.v1", eventId, groupId);
    }

    /** The type's golden sample, made an event of its own about the group. */
    private static byte[] groupEvent(String type, UUID eventId, UUID groupId) throws IOException {
        try (var in = IdempotentEventConsumerIntegrationTests.class.getClassLoader()
                .getResourceAsStream("vizora/samples/" + type + ".json")) {
            var event = (ObjectNode) JsonMapper.shared().readTree(in);
            event.put("id", eventId.toString());
            event.put("subject", groupId.toString());
            ((ObjectNode) event.get("data")).put("groupId", groupId.toString());
            return JsonMapper.shared().writeValueAsBytes(event);
        }
    }

    private void send(UUID key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key.toString(), value)).get();
    }

    private static UUID idOf(byte[] event) {
        return UUID.fromString(JsonMapper.shared().readTree(event).path("id").asString());
    }

    private static long effects(UUID eventId) {
        return db.sql("SELECT count(*) FROM consumer_test_effect WHERE event_id = :id").bind("id", eventId)
                .map(r -> r.get(0, Long.class)).one().block();
    }

    private static long processed(UUID eventId) {
        return db.sql("SELECT count(*) FROM processed_event WHERE event_id = :id").bind("id", eventId)
                .map(r -> r.get(0, Long.class)).one().block();
    }

    private List<ConsumerRecord<String, byte[]>> readDeadLetters(int expected) {
        var records = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var reader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            reader.subscribe(Set.of(topic + ".dlt"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        assertThat(records).hasSize(expected);
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
