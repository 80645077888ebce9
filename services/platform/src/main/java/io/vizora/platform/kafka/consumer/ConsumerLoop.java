package io.vizora.platform.kafka.consumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A poll loop that never dies silently: whatever goes wrong (a topic that does not exist yet, a
 * broker away, a handler that fails), it closes its consumer, waits with exponential backoff, and
 * starts over with a new one, for as long as it runs; and it says at every moment what it is
 * doing ({@link MonitoredConsumer}). Starting over re-reads from where the work keeps its progress
 * (committed offsets, or positions stored with the data), so a failed batch is read again.
 */
public final class ConsumerLoop<K, V> implements MonitoredConsumer, AutoCloseable {

    /** What a loop does with its consumer. */
    public interface Work<K, V> {

        /** Subscribes or assigns a fresh consumer; called at every (re)start. May throw {@link NotYet}. */
        void begin(Consumer<K, V> consumer);

        /** Handles one poll's records (possibly none); an exception starts the consumer over after a backoff. */
        void handle(ConsumerRecords<K, V> records, Consumer<K, V> consumer) throws Exception;
    }

    /** The loop cannot consume yet for a reason outside it (a topic that does not exist): it waits and tries again. */
    public static final class NotYet extends RuntimeException {
        public NotYet(String reason) {
            super(reason);
        }
    }

    /** How the loop polls and backs off; {@code stallAfter}: a poll this late means the loop is stuck. */
    public record Timing(Duration poll, Duration firstBackoff, Duration maxBackoff, Duration stallAfter) {
        public static final Timing DEFAULT = new Timing(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofSeconds(60));
    }

    private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);

    private final String name;
    private final Supplier<Consumer<K, V>> consumers;
    private final Work<K, V> work;
    private final Timing timing;
    private final Clock clock;
    private final AtomicReference<ConsumerState> state;
    private volatile CountDownLatch stopped = new CountDownLatch(0);
    private volatile Consumer<K, V> current;
    private volatile long lastPollMillis;
    private Thread thread;

    public ConsumerLoop(String name, Supplier<Consumer<K, V>> consumers, Work<K, V> work, Timing timing, Clock clock) {
        this.name = name;
        this.consumers = consumers;
        this.work = work;
        this.timing = timing;
        this.clock = clock;
        this.state = new AtomicReference<>(ConsumerState.starting(clock.instant()));
    }

    public ConsumerLoop(String name, Supplier<Consumer<K, V>> consumers, Work<K, V> work) {
        this(name, consumers, work, Timing.DEFAULT, Clock.systemUTC());
    }

    /** Starts polling; after {@link #close()} it starts again, from wherever the work keeps its progress. */
    public synchronized void start() {
        if (thread == null) {
            var stop = new CountDownLatch(1);
            stopped = stop;
            state.set(ConsumerState.starting(clock.instant()));
            thread = Thread.ofPlatform().name(name).start(() -> run(stop));
        }
    }

    private void run(CountDownLatch stopped) {
        int failures = 0;
        while (stopped.getCount() > 0) {
            try (var consumer = consumers.get()) {
                current = consumer;
                if (stopped.getCount() == 0) {
                    break;
                }
                work.begin(consumer);
                while (stopped.getCount() > 0) {
                    var records = consumer.poll(timing.poll());
                    lastPollMillis = clock.millis();
                    work.handle(records, consumer);
                    if (observe(consumer)) {
                        failures = 0;
                    }
                }
            } catch (WakeupException | InterruptException e) {
                if (stopped.getCount() == 0) {
                    break;
                }
                failures++;
                become(ConsumerState.Condition.FAILING, "interrupted: " + e.getMessage(), 0, 0);
            } catch (NotYet e) {
                failures++;
                if (become(ConsumerState.Condition.WAITING, e.getMessage(), 0, 0)) {
                    log.atInfo().addKeyValue("consumer", name).log("waiting: {}", e.getMessage());
                }
            } catch (Exception e) {
                failures++;
                become(ConsumerState.Condition.FAILING, e.getClass().getSimpleName() + ": " + e.getMessage(), 0, 0);
                log.atWarn().setCause(e).addKeyValue("consumer", name).addKeyValue("attempt", failures).log("consumer failed; starting it over after a pause");
            } finally {
                current = null;
            }
            pause(stopped, backoff(failures));
        }
        become(ConsumerState.Condition.STOPPED, "closed", 0, 0);
    }

    /** Records what a successful poll showed; true if the consumer has partitions to consume. */
    private boolean observe(Consumer<K, V> consumer) {
        var assignment = consumer.assignment();
        if (assignment.isEmpty()) {
            become(ConsumerState.Condition.WAITING, "no partitions assigned yet (topic missing, or the group is rebalancing)", 0, 0);
            return false;
        }
        long lag = 0;
        for (var partition : assignment) {
            lag += consumer.currentLag(partition).orElse(0);
        }
        if (KafkaClientMetrics.disconnected(consumer.metrics())) {
            become(ConsumerState.Condition.WAITING, "no connection to Kafka", assignment.size(), lag);
            return false;
        }
        become(ConsumerState.Condition.CONSUMING, "consuming " + assignment.size() + " partitions", assignment.size(), lag);
        return true;
    }

    /** Moves to a condition; true if that is a change. */
    private boolean become(ConsumerState.Condition condition, String detail, int partitions, long lag) {
        var now = clock.instant();
        var before = state.getAndUpdate(previous -> previous.then(condition, detail, partitions, lag, now));
        return before.condition() != condition || !before.detail().equals(detail);
    }

    Duration backoff(int failures) {
        if (failures == 0) {
            return Duration.ZERO;
        }
        var doubled = timing.firstBackoff().multipliedBy(1L << Math.min(failures - 1, 16));
        return doubled.compareTo(timing.maxBackoff()) > 0 ? timing.maxBackoff() : doubled;
    }

    private static void pause(CountDownLatch stopped, Duration duration) {
        try {
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }

    @Override
    public String consumerName() {
        return name;
    }

    /** The loop's state; a consuming loop whose last poll is older than the stall limit is reported stuck. */
    @Override
    public ConsumerState consumerState() {
        var now = clock.instant();
        var known = state.get();
        var silentFor = Duration.ofMillis(now.toEpochMilli() - lastPollMillis);
        if (known.consuming() && silentFor.compareTo(timing.stallAfter()) > 0) {
            return new ConsumerState(ConsumerState.Condition.FAILING, "no poll for " + silentFor.toSeconds() + " s: stuck handling a batch",
                    now.minus(silentFor), known.partitions(), known.lag());
        }
        return known;
    }

    @Override
    public synchronized void close() {
        stopped.countDown();
        var consumer = current;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }
}
