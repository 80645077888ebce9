package io.vizora.relay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;

/**
 * Keeps the outbox table small. Deleting rows loses nothing: the relay reads inserts from the
 * WAL, which the slot retains until relayed, and the publication carries no deletes.
 */
class OutboxJanitor {

    private static final Logger log = LoggerFactory.getLogger(OutboxJanitor.class);

    private final JdbcClient jdbc;
    private final OutboxRelay relay;
    private final Duration retention;

    OutboxJanitor(JdbcClient jdbc, OutboxRelay relay, Duration retention) {
        this.jdbc = jdbc;
        this.relay = relay;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    void sweep() {
        if (relay.role() != OutboxRelay.Role.ACTIVE) {
            return;
        }
        var seconds = retention.toSeconds();
        var events = jdbc.sql("DELETE FROM outbox WHERE created_at < now() - make_interval(secs => ?)").param(seconds).update();
        var beats = jdbc.sql("DELETE FROM outbox_heartbeat WHERE beat_at < now() - interval '1 hour'").update();
        if (events + beats > 0) {
            log.info("removed {} relayed outbox rows older than {} and {} old heartbeats", events, retention, beats);
        }
    }
}
