package io.vizora.relay;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.debezium.embedded.Connect;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.InstanceNotFoundException;
import javax.management.MBeanRegistrationException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of the Debezium engine: from start until it stops, by request or by failure. Each
 * batch goes to Kafka before its records are marked processed, so offsets never get ahead of
 * Kafka; a failure stops the run without committing, and the next run re-reads from the last
 * committed offset (at-least-once; consumers deduplicate).
 */
final class EngineRun implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EngineRun.class);

    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("debezium-engine").factory());
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicBoolean taskStarted = new AtomicBoolean();
    private final OutboxRouter router;
    private final KafkaPublisher publisher;

    EngineRun(Properties settings, OutboxRouter router, KafkaPublisher publisher) {
        this.router = router;
        this.publisher = publisher;
        this.engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(settings)
                .notifying(this::handleBatch)
                .using((success, message, error) -> {
                    if (!success) {
                        failure.set(reason(message, error));
                    }
                    finished.countDown();
                })
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        taskStarted.set(true);
                    }
                })
                .build();
    }

    void start() {
        unregisterMetricsOfEarlierRuns();
        executor.execute(engine);
    }

    /**
     * Debezium registers its metrics as MBeans named by the connector, and an engine whose stop was
     * cut short (Postgres went away) leaves them registered. The next run's connector then waits
     * 5 s twelve times for each set of them to go before it streams: two minutes without relaying
     * after a Postgres restart, found by the fault tests. Only one run streams per process (the
     * leader lock), so what is registered under the connector's name now is an earlier run's.
     */
    static void unregisterMetricsOfEarlierRuns() {
        var server = ManagementFactory.getPlatformMBeanServer();
        try {
            for (var name : server.queryNames(new ObjectName("debezium.postgres:server=" + DebeziumSettings.TOPIC_PREFIX + ",*"), null)) {
                try {
                    server.unregisterMBean(name);
                    log.info("unregistered metrics an earlier engine left behind: {}", name);
                } catch (InstanceNotFoundException gone) {
                    // its own engine unregistered it meanwhile
                } catch (MBeanRegistrationException e) {
                    log.warn("could not unregister metrics an earlier engine left behind ({}): {}", name, e.getMessage());
                }
            }
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handleBatch(List<RecordChangeEvent<SourceRecord>> changes,
                             DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) throws InterruptedException {
        var events = new ArrayList<RelayedEvent>(changes.size());
        for (var change : changes) {
            router.route(change.record()).ifPresent(events::add);
        }
        publisher.publishAll(events);
        for (var change : changes) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
    }

    /**
     * Its task started and it has not stopped since. The task starts before the connector opens
     * the replication stream (a missing publication fails it after): the relay's supervisor also
     * asks Postgres whether the slot is being read ({@link LeaderLock#slotStreamed()}).
     */
    boolean isStreaming() {
        return taskStarted.get() && !isFinished();
    }

    boolean isFinished() {
        return finished.getCount() == 0;
    }

    /**
     * What a failed run says on the relay's health: the engine's message and its innermost cause's,
     * since Debezium wraps what went wrong (a missing publication, Postgres gone) in a cause of
     * "An exception occurred in the change event producer".
     */
    static String reason(String message, Throwable error) {
        if (error == null) {
            return message;
        }
        var cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return message + ": " + cause.getMessage();
    }

    /** Why the run ended on its own, or null while it runs or if it was stopped. */
    String failure() {
        return failure.get();
    }

    @Override
    public void close() {
        try {
            if (isFinished()) {
                return; // it stopped on its own: closing it again only fails, and would hide why it stopped
            }
            engine.close();
            if (!finished.await(30, TimeUnit.SECONDS)) {
                log.warn("the Debezium engine did not stop within 30 s");
            }
        } catch (IOException e) {
            log.warn("closing the Debezium engine failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdownNow();
        }
    }
}
