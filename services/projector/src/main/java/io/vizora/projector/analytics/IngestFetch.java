package io.vizora.projector.analytics;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.time.Duration;
import java.util.Map;

/**
 * How a ClickHouse ingest's consumer fetches: it waits for about {@code minBytes}, or a second, and
 * takes up to {@code maxRecords} a poll, and up to {@code maxPartitionBytes} of each partition per
 * fetch. The consumer fetches a partition again only once its records were polled, so a poll holds
 * at most about that much per partition: a record of a play report holds up to 500 plays (ADR
 * 0033), and 2,000 of them in one poll would not fit a service's heap as trees. Each insert is a part ClickHouse writes and merges, so its
 * CPU per row falls steeply with the insert's size (ADR 0015 addendum: 395 ms per 1,000 plays in
 * inserts of 100, 39 ms in inserts of 2,000). Analytics does not feel the second.
 */
record IngestFetch(int minBytes, int maxRecords, int maxPartitionBytes) {

    private static final Duration MAX_WAIT = Duration.ofSeconds(1);

    /** About 1 MiB of play reports or health samples (5,000 plays, 2,000 samples), at most 512 KiB of a partition. */
    static final IngestFetch EVENTS = new IngestFetch(1 << 20, 2_000, 512 << 10);
    /**
     * About a thousand manifests of a fleet-wide change (each several slices, so a poll stays a few
     * thousand rows): their planned slices go in as a few inserts while the change is compiled and
     * delivered on the same cores, instead of one insert per 500.
     */
    static final IngestFetch MANIFESTS = new IngestFetch(2 << 20, 1_000, 1 << 20);

    Map<String, Object> settings() {
        return Map.of(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxRecords,
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, minBytes,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, maxPartitionBytes,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) MAX_WAIT.toMillis());
    }
}
