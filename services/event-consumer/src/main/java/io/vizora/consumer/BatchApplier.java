package io.vizora.consumer;

import io.vizora.schemas.ContractViolationException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a poll's records in one transaction. When that fails, it finds the culprit by applying
 * them one by one, each in its own transaction, and names it to Spring Kafka's error handler with
 * a {@link BatchListenerFailedException}: the records before it are then committed, and it is
 * retried (and dead-lettered in the end) without its neighbours being lost, applied twice or
 * reordered. A record that breaks the contract is named the same way, after those before it are
 * applied.
 */
final class BatchApplier {

    private record Read(int index, ConsumedEvent event) {
    }

    private final CloudEventReader reader;
    private final IdempotentApplier applier;
    private final EventHandler handler;

    BatchApplier(CloudEventReader reader, IdempotentApplier applier, EventHandler handler) {
        this.reader = reader;
        this.applier = applier;
        this.handler = handler;
    }

    void apply(List<ConsumerRecord<String, byte[]>> records, Duration timeout) {
        var events = new ArrayList<Read>(records.size());
        ContractViolationException violation = null;
        int violationIndex = records.size();
        for (int i = 0; i < records.size(); i++) {
            try {
                final int index = i;
                reader.read(records.get(i), handler::folds).ifPresent(event -> events.add(new Read(index, event)));
            } catch (ContractViolationException e) {
                violation = e;
                violationIndex = i;
                break;
            }
        }
        try {
            applier.applyAll(events.stream().map(Read::event).toList(), handler).block(timeout);
        } catch (RuntimeException batchFailed) {
            oneByOne(events, timeout);
        }
        if (violation != null) {
            throw new BatchListenerFailedException(violation.getMessage(), violation, violationIndex);
        }
    }

    private void oneByOne(List<Read> events, Duration timeout) {
        for (var read : events) {
            try {
                applier.apply(read.event(), handler).block(timeout);
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("effect of " + read.event().type() + " " + read.event().id() + " failed", e, read.index());
            }
        }
    }
}
