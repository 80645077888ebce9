package io.vizora.platform.kafka.consumer;

import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a Spring Kafka listener container is doing. The container already polls on, reconnects
 * after a broker restart and waits for missing topics; this reads its state on demand: stopped,
 * no partitions (topic missing, rebalancing), no broker connection, or the last record's effect
 * failing (its listener reports each outcome here), and its lag from the client's own metrics.
 */
public final class ContainerMonitor implements MonitoredConsumer {

    private final String name;
    private final List<String> topics;
    private final Clock clock;
    private final AtomicReference<MessageListenerContainer> container = new AtomicReference<>();
    private final AtomicReference<ConsumerState> state;
    private final AtomicReference<String> failure = new AtomicReference<>();

    public ContainerMonitor(String name, List<String> topics, Clock clock) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.clock = clock;
        this.state = new AtomicReference<>(ConsumerState.starting(clock.instant()));
    }

    public ContainerMonitor(String name, List<String> topics) {
        this(name, topics, Clock.systemUTC());
    }

    public void watch(MessageListenerContainer watched) {
        container.set(watched);
    }

    /** The listener applied a record. */
    public void succeeded() {
        if (failure.get() != null) {
            failure.set(null);
        }
    }

    /** The listener failed on a record; the container retries it (or dead-letters it) and the consumer is failing meanwhile. */
    public void failed(Exception cause) {
        failure.set(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    @Override
    public String consumerName() {
        return name;
    }

    @Override
    public ConsumerState consumerState() {
        var watched = container.get();
        if (watched == null || !watched.isRunning()) {
            return become(ConsumerState.Condition.STOPPED, "not running", 0, 0);
        }
        var assigned = watched.getAssignedPartitions();
        var partitions = assigned == null ? 0 : assigned.size();
        var metrics = watched.metrics().values();
        var lag = metrics.stream().mapToLong(KafkaClientMetrics::lag).sum();
        var failed = failure.get();
        if (failed != null) {
            return become(ConsumerState.Condition.FAILING, failed, partitions, lag);
        }
        if (partitions == 0) {
            return become(ConsumerState.Condition.WAITING, "no partitions of " + topics + " assigned yet (topic missing, or the group is rebalancing)", 0, 0);
        }
        if (!metrics.isEmpty() && metrics.stream().allMatch(KafkaClientMetrics::disconnected)) {
            return become(ConsumerState.Condition.WAITING, "no connection to Kafka", partitions, lag);
        }
        return become(ConsumerState.Condition.CONSUMING, "consuming " + partitions + " partitions of " + topics, partitions, lag);
    }

    private ConsumerState become(ConsumerState.Condition condition, String detail, int partitions, long lag) {
        var now = clock.instant();
        return state.updateAndGet(previous -> previous.then(condition, detail, partitions, lag, now));
    }
}
