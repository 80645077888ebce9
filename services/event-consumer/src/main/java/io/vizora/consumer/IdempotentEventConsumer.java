package io.vizora.consumer;

import io.vizora.platform.kafka.consumer.ConsumerGroup;
import io.vizora.platform.kafka.consumer.ConsumerState;
import io.vizora.platform.kafka.consumer.ContainerMonitor;
import io.vizora.platform.kafka.consumer.MonitoredConsumer;
import io.vizora.schemas.ContractViolationException;
import io.vizora.schemas.EventContract;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kafka consumer group that applies each event once to a Postgres read model, a poll's records
 * at a time: their effects and dedup records commit in one transaction. An event that breaks the
 * contract goes straight to {@code <topic>.dlt}; one whose effect keeps failing while its stores
 * answer goes there after a few retries; either way its neighbours are applied exactly once, in
 * order, and the partition moves on (ADR 0022). While a store does not answer, nothing is given
 * up: the consumer waits for it, failing meanwhile (ADR 0042).
 */
public final class IdempotentEventConsumer implements MonitoredConsumer, AutoCloseable {

    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    // how long after a store comes back its consumer may still be waiting to try again
    private static final Duration RETRY_CEILING = Duration.ofSeconds(2);
    private static final int MAX_BATCH = 2_000;
    private static final int MAX_PARTITION_BYTES = 512 << 10;
    private static final Duration OFFSET_COMMIT_INTERVAL = Duration.ofMillis(500);
    private static final PollPacer PACER = new PollPacer(64 << 10, Duration.ofMillis(50));

    private final ConcurrentMessageListenerContainer<String, byte[]> container;
    private final DefaultKafkaProducerFactory<String, byte[]> deadLetterProducers;
    private final ContainerMonitor monitor;

    public record Settings(String consumerName, String bootstrapServers, List<String> topics, int concurrency,
                           Duration firstRetry, int maxAttempts, String instance) {

        public static Settings of(String consumerName, String bootstrapServers, List<String> topics) {
            return new Settings(consumerName, bootstrapServers, topics, 1, Duration.ofMillis(200), 3, "");
        }

        public Settings withConcurrency(int consumers) {
            return new Settings(consumerName, bootstrapServers, topics, consumers, firstRetry, maxAttempts, instance);
        }

        /** Attempts at an effect before its event goes to the dead-letter topic (contract violations go at once). */
        public Settings withMaxAttempts(int attempts) {
            return new Settings(consumerName, bootstrapServers, topics, concurrency, firstRetry, attempts, instance);
        }

        /**
         * A name this process keeps across restarts (blank: none). It makes the member static: one
         * restarted after a crash takes its partitions back at once instead of waiting for the dead
         * member's session to expire (ADR 0022).
         */
        public Settings asInstance(String name) {
            return new Settings(consumerName, bootstrapServers, topics, concurrency, firstRetry, maxAttempts, name == null ? "" : name);
        }
    }

    public IdempotentEventConsumer(Settings settings, EventContract contract, DatabaseClient db,
                                   TransactionalOperator transaction, EventHandler handler) {
        var reader = new CloudEventReader(contract);
        var applier = new IdempotentApplier(settings.consumerName(), db, transaction);

        Map<String, Object> consumerConfig = new HashMap<>();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        consumerConfig.putAll(new ConsumerGroup(settings.consumerName(), settings.instance()).settings());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // a backlog folds in transactions of up to this many events: each costs a commit and an offset commit (ADR 0022)
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_BATCH);
        // and of at most this much per partition: one record of play reports holds up to 500 plays (ADR 0033)
        consumerConfig.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_PARTITION_BYTES);
        var consumers = new DefaultKafkaConsumerFactory<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());

        Map<String, Object> producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        deadLetterProducers = new DefaultKafkaProducerFactory<>(producerConfig, new StringSerializer(), new ByteArraySerializer());

        var recoverer = new DeadLetters(new KafkaTemplate<>(deadLetterProducers),
                (record, exception) -> new TopicPartition(record.topic() + ".dlt", -1));
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        recoverer.setHeadersFunction((record, exception) -> new RecordHeaders(List.of(
                new RecordHeader(DeadLetterHeaders.REASON, reason(exception).getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(DeadLetterHeaders.CONSUMER, settings.consumerName().getBytes(StandardCharsets.UTF_8)))));

        var backOff = new StoreAwareBackOff(settings.firstRetry(), RETRY_CEILING, settings.maxAttempts(), () -> storesAnswer(db, handler));
        monitor = new ContainerMonitor(settings.consumerName(), settings.topics());
        var errorHandler = new DefaultErrorHandler(recoverer, backOff);
        errorHandler.addNotRetryableExceptions(ContractViolationException.class);
        // a dead-lettered record is dealt with: the consumer moves on and is no longer failing
        errorHandler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
            }

            @Override
            public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
                monitor.succeeded();
            }
        });

        var properties = new ContainerProperties(settings.topics().toArray(String[]::new));
        // offsets are committed at most every OFFSET_COMMIT_INTERVAL, not after every poll: the dedup
        // records committed with the effects make a redelivery of what an uncommitted offset covers
        // change nothing, and at a trickle each poll holds two or three events (ADR 0039)
        properties.setAckMode(ContainerProperties.AckMode.TIME);
        properties.setAckTime(OFFSET_COMMIT_INTERVAL.toMillis());
        var batches = new BatchApplier(reader, applier, handler, recoverer);
        properties.setMessageListener((BatchMessageListener<String, byte[]>) records -> {
            var polled = System.nanoTime();
            try {
                batches.apply(records, EFFECT_TIMEOUT);
                monitor.succeeded();
            } catch (RuntimeException e) {
                monitor.failed(e);
                throw e;
            }
            // a trickle waits briefly for company before the next poll: each poll costs a transaction and its statements (ADR 0041)
            pause(PACER.pauseAfter(bytes(records), Duration.ofNanos(System.nanoTime() - polled)));
        });
        container = new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setConcurrency(settings.concurrency());
        container.setCommonErrorHandler(errorHandler);
        container.setBeanName(settings.consumerName());
        monitor.watch(container);
    }

    /** Whether Postgres and every other store the handler's effects write to answer, asked only after an effect failed. */
    private static boolean storesAnswer(DatabaseClient db, EventHandler handler) {
        try {
            db.sql("SELECT 1").then().then(handler.otherStoresAnswer()).block(PROBE_TIMEOUT);
            return true;
        } catch (RuntimeException unanswered) {
            return false;
        }
    }

    private static long bytes(List<ConsumerRecord<String, byte[]>> records) {
        long bytes = 0;
        for (var record : records) {
            bytes += Math.max(0, record.serializedValueSize());
        }
        return bytes;
    }

    private static void pause(Duration pause) {
        if (pause.isPositive()) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                // the container is stopping: it polls no more
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The first cause's message: the contract violation, or what the effect failed with. */
    private static String reason(Exception exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && !(cause instanceof ContractViolationException)) {
            cause = cause.getCause();
        }
        var message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }

    public void start() {
        container.start();
    }

    public boolean isRunning() {
        return container.isRunning();
    }

    @Override
    public String consumerName() {
        return monitor.consumerName();
    }

    @Override
    public ConsumerState consumerState() {
        return monitor.consumerState();
    }

    @Override
    public void close() {
        container.stop();
        deadLetterProducers.destroy();
    }
}
