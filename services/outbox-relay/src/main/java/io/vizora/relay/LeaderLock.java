package io.vizora.relay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Single-active relay: a session-level Postgres advisory lock held on a connection of its own.
 * Whoever holds it runs the engine; the others stand by. If the holder dies (even by kill -9) its
 * connection closes and Postgres releases the lock, so a standby takes over. The replication
 * slot itself admits one reader at a time, so even a split brain could not relay twice.
 */
final class LeaderLock implements AutoCloseable {

    private final RelayProperties.Database database;
    private final String slotName;
    private final String lockName;
    private Connection connection;
    private boolean held;

    LeaderLock(RelayProperties.Database database, String slotName) {
        this.database = database;
        this.slotName = slotName;
        this.lockName = "vizora-outbox-relay:" + slotName;
    }

    /** True if this instance holds the lock now (acquiring it if free). */
    boolean tryAcquire() {
        try {
            if (held && connection.isValid(2)) {
                return true;
            }
            reset();
            connection = DriverManager.getConnection(
                    "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.name()
                            + "?ApplicationName=vizora-outbox-relay-leader",
                    database.user(), database.password());
            try (var statement = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtextextended(?, 0))")) {
                statement.setString(1, lockName);
                try (var result = statement.executeQuery()) {
                    result.next();
                    held = result.getBoolean(1);
                }
            }
            return held;
        } catch (SQLException e) {
            reset();
            return false;
        }
    }

    /**
     * Whether the replication slot exists, asked on the lock's connection (held). The outbox's
     * migrations create it, so that no event committed before the relay's first start is missed;
     * an engine started before them would create the slot itself, and the migration would then fail.
     */
    boolean slotExists() {
        return slot("SELECT 1 FROM pg_replication_slots WHERE slot_name = ?");
    }

    /** Whether a replication connection is reading the slot now: only this leader's engine can be. */
    boolean slotStreamed() {
        return slot("SELECT 1 FROM pg_replication_slots WHERE slot_name = ? AND active");
    }

    private boolean slot(String query) {
        try (var statement = connection.prepareStatement(query)) {
            statement.setString(1, slotName);
            try (var result = statement.executeQuery()) {
                return result.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look at the replication slot " + slotName + ": " + e.getMessage(), e);
        }
    }

    /** False as soon as the lock's connection is gone, which means Postgres released the lock. */
    boolean stillHeld() {
        try {
            return held && connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void reset() {
        held = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being dropped anyway
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        reset();
    }
}
