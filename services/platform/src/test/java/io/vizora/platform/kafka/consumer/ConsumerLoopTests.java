package io.vizora.platform.kafka.consumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConsumerLoopTests {

    private static final TopicPartition PARTITION = new TopicPartition("vizora.test", 0);
    private static final ConsumerLoop.Timing QUICK = new ConsumerLoop.Timing(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofSeconds(30));

    /** Each start gets a fresh consumer holding the same records, as a new consumer on the same topic would. */
    private static MockConsumer<String, String> consumerWith(int records) {
        var consumer = new MockConsumer<String, String>("earliest");
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, (long) records));
        consumer.seek(PARTITION, 0);
        for (int i = 0; i < records; i++) {
            consumer.addRecord(new ConsumerRecord<>(PARTITION.topic(), 0, i, "key", "value-" + i));
        }
        return consumer;
    }

    @Test
    void aLoopWhoseTopicDoesNotExistYetWaitsAndConsumesOnceItDoes() {
        var attempts = new AtomicInteger();
        var seen = new CopyOnWriteArrayList<String>();
        var loop = new ConsumerLoop<String, String>("feed", () -> consumerWith(2), new ConsumerLoop.Work<>() {
            @Override
            public void begin(Consumer<String, String> consumer) {
                if (attempts.incrementAndGet() < 3) {
                    throw new ConsumerLoop.NotYet("topic vizora.test does not exist yet");
                }
            }

            @Override
            public void handle(ConsumerRecords<String, String> records, Consumer<String, String> consumer) {
                records.forEach(record -> seen.add(record.value()));
            }
        }, QUICK, java.time.Clock.systemUTC());
        try (loop) {
            loop.start();
            await().until(() -> attempts.get() >= 1);
            await().until(() -> seen.size() == 2);
            assertThat(seen).containsExactly("value-0", "value-1");
            await().until(() -> loop.consumerState().consuming());
            assertThat(loop.consumerState().partitions()).isEqualTo(1);
        }
        assertThat(loop.consumerState().condition()).isEqualTo(ConsumerState.Condition.STOPPED);
    }

    @Test
    void aWaitingLoopSaysWhatItWaitsFor() {
        var loop = new ConsumerLoop<String, String>("feed", () -> consumerWith(0), new ConsumerLoop.Work<>() {
            @Override
            public void begin(Consumer<String, String> consumer) {
                throw new ConsumerLoop.NotYet("topic vizora.test does not exist yet");
            }

            @Override
            public void handle(ConsumerRecords<String, String> records, Consumer<String, String> consumer) {
            }
        }, QUICK, java.time.Clock.systemUTC());
        try (loop) {
            loop.start();
            await().until(() -> loop.consumerState().condition() == ConsumerState.Condition.WAITING);
            assertThat(loop.consumerState().detail()).isEqualTo("topic vizora.test does not exist yet");
        }
    }

    @Test
    void aBatchThatFailsIsReadAgainByANewConsumerAndTheLoopReportsTheFailureMeanwhile() {
        var failuresLeft = new AtomicInteger(3);
        var stored = new CopyOnWriteArrayList<String>();
        var seenOnRetry = new CopyOnWriteArrayList<ConsumerState>();
        var self = new java.util.concurrent.atomic.AtomicReference<ConsumerLoop<String, String>>();
        var loop = new ConsumerLoop<String, String>("ingest", () -> consumerWith(3), new ConsumerLoop.Work<>() {
            @Override
            public void begin(Consumer<String, String> consumer) {
                if (failuresLeft.get() < 3) {
                    // the state a health check sees between a failure and the next attempt
                    seenOnRetry.add(self.get().consumerState());
                }
            }

            @Override
            public void handle(ConsumerRecords<String, String> records, Consumer<String, String> consumer) {
                if (!records.isEmpty() && failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("ClickHouse is away");
                }
                records.forEach(record -> stored.add(record.value()));
            }
        }, QUICK, java.time.Clock.systemUTC());
        self.set(loop);
        try (loop) {
            loop.start();
            await().until(() -> stored.size() == 3);
            assertThat(stored).containsExactly("value-0", "value-1", "value-2");
            assertThat(seenOnRetry).hasSize(3).allSatisfy(state -> {
                assertThat(state.condition()).isEqualTo(ConsumerState.Condition.FAILING);
                assertThat(state.detail()).isEqualTo("IllegalStateException: ClickHouse is away");
            });
            await().until(() -> loop.consumerState().consuming());
        }
    }

    @Test
    void aClosedLoopStartsAgain() {
        var seen = new CopyOnWriteArrayList<String>();
        var loop = new ConsumerLoop<String, String>("ingest", () -> consumerWith(1), new ConsumerLoop.Work<>() {
            @Override
            public void begin(Consumer<String, String> consumer) {
            }

            @Override
            public void handle(ConsumerRecords<String, String> records, Consumer<String, String> consumer) {
                records.forEach(record -> seen.add(record.value()));
            }
        }, QUICK, java.time.Clock.systemUTC());
        loop.start();
        await().until(() -> seen.size() == 1);
        loop.close();
        loop.start();
        await().until(() -> seen.size() == 2);
        loop.close();
    }

    @Test
    void backoffDoublesUpToItsLimit() {
        var loop = new ConsumerLoop<String, String>("any", () -> consumerWith(0), null, QUICK, java.time.Clock.systemUTC());
        assertThat(loop.backoff(0)).isZero();
        assertThat(loop.backoff(1)).isEqualTo(Duration.ofMillis(10));
        assertThat(loop.backoff(2)).isEqualTo(Duration.ofMillis(20));
        assertThat(loop.backoff(3)).isEqualTo(Duration.ofMillis(40));
        assertThat(loop.backoff(30)).isEqualTo(Duration.ofMillis(40));
    }
}
