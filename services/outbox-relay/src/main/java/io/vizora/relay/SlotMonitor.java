package io.vizora.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How much WAL the relay's slot holds back from recycling: grows while the relay is down or
 * behind, and should stay small otherwise (the heartbeat advances it when the outbox is idle).
 */
final class SlotMonitor {

    private SlotMonitor() {
    }

    static void register(MeterRegistry meters, JdbcClient jdbc, String slotName) {
        Gauge.builder("vizora.outbox.slot.retained", () -> retainedBytes(jdbc, slotName))
                .description("WAL bytes the relay's replication slot keeps from being recycled")
                .baseUnit("bytes")
                .register(meters);
    }

    private static double retainedBytes(JdbcClient jdbc, String slotName) {
        return jdbc.sql("SELECT coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0) FROM pg_replication_slots WHERE slot_name = ?")
                .param(slotName).query(Double.class).optional().orElse(Double.NaN);
    }
}
