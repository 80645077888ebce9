package io.vizora.relay;

import io.debezium.pipeline.Sizeable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PausingQueueProviderTests {

    record Change(int id) implements Sizeable {
        @Override
        public long objectSize() {
            return 16;
        }
    }

    private final AtomicInteger pauses = new AtomicInteger();
    private final PausingQueueProvider<Change> queue = new PausingQueueProvider<>(pauses::incrementAndGet);

    @BeforeEach
    void configure() {
        queue.configure(Map.of());
    }

    @Test
    void aThreadThatFindsTheQueueEmptyAgainPausesEachTimeAfterTheFirst() {
        assertThat(queue.size()).isZero();
        assertThat(pauses).hasValue(0);
        queue.size();
        queue.size();
        assertThat(pauses).hasValue(2);
    }

    @Test
    void aChangeEnqueuedBetweenTwoChecksStartsTheCountAgain() throws Exception {
        queue.size();
        queue.enqueue(new Change(1));
        assertThat(queue.poll()).isEqualTo(new Change(1));
        queue.size();
        assertThat(pauses).hasValue(0);
    }

    @Test
    void aQueueHoldingChangesNeverPauses() throws Exception {
        queue.enqueue(new Change(1));
        queue.size();
        queue.size();
        assertThat(pauses).hasValue(0);
    }

    @Test
    void anotherThreadsCheckNeitherPausesNorMakesThePollerPause() throws Exception {
        queue.size();
        var producer = Thread.ofPlatform().start(queue::size);
        producer.join();
        queue.size();
        assertThat(pauses).as("each thread found it empty once in a row").hasValue(0);
    }

    @Test
    void changesLeaveInTheOrderTheyCame() throws Exception {
        for (int i = 0; i < 3; i++) {
            queue.enqueue(new Change(i));
        }
        assertThat(queue.size()).isEqualTo(3);
        assertThat(queue.poll()).isEqualTo(new Change(0));
        assertThat(queue.poll()).isEqualTo(new Change(1));
        assertThat(queue.poll()).isEqualTo(new Change(2));
        assertThat(queue.poll()).isNull();
    }
}
