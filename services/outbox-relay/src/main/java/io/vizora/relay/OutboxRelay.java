package io.vizora.relay;

import io.micrometer.core.instrument.MeterRegistry;
import io.vizora.schemas.TopicCatalogue;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * Supervises the relay: stands by until it holds the leader lock, then runs the Debezium engine;
 * restarts the engine after a failure (Postgres or Kafka gone away) with a back-off; gives up the
 * engine the moment it loses the lock.
 */
public class OutboxRelay implements SmartLifecycle {

    /** FAILING: this instance leads, but its engine is not streaming (it stopped, or failed to start, and is retried). */
    public enum Role { STARTING, STANDBY, ACTIVE, FAILING, STOPPED }

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final RelayProperties properties;
    private final Properties debezium;
    private final Map<String, Object> kafka;
    private final MeterRegistry meters;
    private final Admin admin;
    private final TopicCatalogue catalogue;
    private final Object signal = new Object();
    private volatile boolean running;
    private volatile Role role = Role.STOPPED;
    private volatile String lastFailure;
    private Thread supervisor;

    public OutboxRelay(RelayProperties properties, Properties debezium, Map<String, Object> kafka, MeterRegistry meters,
                       Admin admin, TopicCatalogue catalogue) {
        this.properties = properties;
        this.debezium = debezium;
        this.kafka = kafka;
        this.meters = meters;
        this.admin = admin;
        this.catalogue = catalogue;
    }

    public Role role() {
        return role;
    }

    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public void start() {
        running = true;
        role = Role.STARTING;
        supervisor = Thread.ofPlatform().name("outbox-relay-supervisor").start(this::supervise);
    }

    @Override
    public void stop() {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        try {
            supervisor.join(Duration.ofSeconds(40));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        role = Role.STOPPED;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void supervise() {
        try (var lock = new LeaderLock(properties.database(), properties.slotName())) {
            while (running) {
                if (!lock.tryAcquire()) {
                    if (role != Role.STANDBY) {
                        log.info("outbox relay is standing by: another instance holds the slot {}", properties.slotName());
                    }
                    role = Role.STANDBY;
                    pause(properties.leaderCheckInterval());
                    continue;
                }
                runEngineWhileLeader(lock);
            }
        }
    }

    private void runEngineWhileLeader(LeaderLock lock) {
        var missing = missingSlot(lock);
        if (missing != null) {
            if (!missing.equals(lastFailure)) {
                log.warn("{}; checking again every {}", missing, properties.restartBackoff());
            }
            lastFailure = missing;
            role = Role.FAILING;
            pause(properties.restartBackoff());
            return;
        }
        try {
            var created = TopicProvisioner.ensureTopics(admin, catalogue, properties.replicationFactor());
            if (!created.isEmpty()) {
                log.info("created topics {}", created);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return;
        } catch (RuntimeException e) {
            lastFailure = e.getMessage();
            role = Role.FAILING;
            log.warn("could not provision the catalogue's topics ({}); retrying in {}", e.getMessage(), properties.restartBackoff());
            pause(properties.restartBackoff());
            return;
        }
        try (var router = new OutboxRouter();
             var publisher = new KafkaPublisher(kafka, meters, Clock.systemUTC());
             var run = new EngineRun(debezium, router, publisher)) {
            run.start();
            while (running && !run.isFinished() && lock.stillHeld()) {
                if (role != Role.ACTIVE && run.isStreaming() && lock.slotStreamed()) {
                    role = Role.ACTIVE;
                    log.info("outbox relay is active on slot {}", properties.slotName());
                }
                pause(properties.leaderCheckInterval());
            }
            if (running && run.isFinished()) {
                role = Role.FAILING;
                lastFailure = run.failure();
                log.warn("the outbox relay's engine stopped ({}); restarting in {}", lastFailure, properties.restartBackoff());
            } else if (running) {
                log.warn("the outbox relay lost its leader lock; stopping the engine");
            }
        } catch (RuntimeException e) {
            lastFailure = e.getMessage();
            role = Role.FAILING;
            log.warn("the outbox relay's engine failed to run: {}", e.getMessage());
        }
        if (running) {
            pause(properties.restartBackoff());
        }
    }

    /** Why the engine cannot start on the slot, or null if it exists (the engine must never create it: {@link LeaderLock#slotExists()}). */
    private String missingSlot(LeaderLock lock) {
        try {
            return lock.slotExists() ? null
                    : "the replication slot " + properties.slotName() + " does not exist yet: the outbox's migrations (the command service's) create it";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private void pause(Duration duration) {
        synchronized (signal) {
            if (!running) {
                return;
            }
            try {
                signal.wait(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
