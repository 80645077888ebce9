package io.vizora.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * Spring Kafka's dead-letter publisher (the records it writes carry the original topic, partition,
 * offset and exception), which can also publish a batch's broken records together: it sends them
 * all, then waits for their acknowledgements once. Waiting for each in turn cost a producer round
 * trip per record (Kafka 4 lingers 5 ms), so a run of broken events crawled at about a hundred a
 * second while the consumer said it was failing (ADR 0022).
 */
final class DeadLetters extends DeadLetterPublishingRecoverer {

    /** A record to dead-letter, and why. */
    record Letter(int index, ConsumerRecord<?, ?> record, Exception reason) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final ThreadLocal<List<CompletableFuture<?>>> sending = new ThreadLocal<>();

    DeadLetters(KafkaOperations<?, ?> template, BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        super(template, destination);
    }

    /** Publishes every letter, in order, and returns once all are acknowledged; throws if any is not. */
    void publish(List<Letter> letters, Duration timeout) {
        if (letters.isEmpty()) {
            return;
        }
        var sends = new ArrayList<CompletableFuture<?>>(letters.size());
        sending.set(sends);
        try {
            letters.forEach(letter -> accept(letter.record(), null, letter.reason()));
        } finally {
            sending.remove();
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("could not dead-letter " + letters.size() + " records", e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("dead-lettering " + letters.size() + " records was not acknowledged within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while dead-lettering", e);
        }
        // one line a batch: a run of broken events must be seen, but not flood the log
        var first = letters.getFirst();
        LOG.warn("dead-lettered {} records that break the contract, the first {}-{}@{}: {}", letters.size(),
                first.record().topic(), first.record().partition(), first.record().offset(), first.reason().getMessage());
    }

    @Override
    protected void verifySendResult(KafkaOperations<Object, Object> template, ProducerRecord<Object, Object> outRecord,
                                    CompletableFuture<SendResult<Object, Object>> sendResult, ConsumerRecord<?, ?> inRecord) {
        var batch = sending.get();
        if (batch == null) {
            super.verifySendResult(template, outRecord, sendResult, inRecord);
        } else {
            batch.add(sendResult);
        }
    }
}
