package io.vizora.consumer;

import io.vizora.schemas.ContractViolationException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a poll's records in one transaction. Records that break the contract can never be
 * applied, so they are dead-lettered in the same pass, after their neighbours applied, and the
 * batch goes on without them. When the transaction fails, it finds the culprit by applying the
 * events one by one, each in its own transaction, and names it to Spring Kafka's error handler with
 * a {@link BatchListenerFailedException}: the records before it are then committed, and it is
 * retried (and dead-lettered in the end) without its neighbours being lost, applied twice or
 * reordered.
 */
final class BatchApplier {

    private record Read(int index, ConsumedEvent event) {
    }

    private final CloudEventReader reader;
    private final IdempotentApplier applier;
    private final EventHandler handler;
    private final DeadLetters deadLetters;

    BatchApplier(CloudEventReader reader, IdempotentApplier applier, EventHandler handler, DeadLetters deadLetters) {
        this.reader = reader;
        this.applier = applier;
        this.handler = handler;
        this.deadLetters = deadLetters;
    }

    void apply(List<ConsumerRecord<String, byte[]>> records, Duration timeout) {
        var events = new ArrayList<Read>(records.size());
        var broken = new ArrayList<DeadLetters.Letter>();
        for (int i = 0; i < records.size(); i++) {
            try {
                final int index = i;
                reader.read(records.get(i), handler::folds).ifPresent(event -> events.add(new Read(index, event)));
            } catch (ContractViolationException e) {
                broken.add(new DeadLetters.Letter(i, records.get(i), e));
            }
        }
        BatchListenerFailedException failed = null;
        try {
            applier.applyAll(events.stream().map(Read::event).toList(), handler).block(timeout);
        } catch (RuntimeException batchFailed) {
            failed = oneByOne(events, timeout);
        }
        // only those before a failed record: the records from it on are delivered again
        var before = failed == null ? records.size() : failed.getIndex();
        var letters = broken.stream().filter(letter -> letter.index() < before).toList();
        try {
            deadLetters.publish(letters, timeout);
        } catch (RuntimeException e) {
            // redelivered from the first of them; the effects after it are applied once (dedup records)
            throw new BatchListenerFailedException("could not dead-letter a record that breaks the contract", e, letters.getFirst().index());
        }
        if (failed != null) {
            throw failed;
        }
    }

    private BatchListenerFailedException oneByOne(List<Read> events, Duration timeout) {
        for (var read : events) {
            try {
                applier.apply(read.event(), handler).block(timeout);
            } catch (RuntimeException e) {
                // the cause named, so the consumer's health says what failed (Postgres away, say)
                return new BatchListenerFailedException("effect of " + read.event().type() + " " + read.event().id() + " failed: " + e.getMessage(),
                        e, read.index());
            }
        }
        return null; // a failure of the batch's transaction that applying them one by one did not meet
    }
}
