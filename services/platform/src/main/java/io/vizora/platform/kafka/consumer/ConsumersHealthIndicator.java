package io.vizora.platform.kafka.consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.LinkedHashMap;
import java.util.Map;

/** UP only while every long-running consumer of the service consumes; each is named with its state, detail and lag. */
public class ConsumersHealthIndicator extends AbstractHealthIndicator {

    private final ObjectProvider<MonitoredConsumer> consumers;

    public ConsumersHealthIndicator(ObjectProvider<MonitoredConsumer> consumers) {
        super("consumers health check failed");
        this.consumers = consumers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var allConsuming = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (var consumer : consumers.orderedStream().toList()) {
            var state = consumer.consumerState();
            allConsuming &= state.consuming();
            details.put(consumer.consumerName(), Map.of("condition", state.condition().name().toLowerCase(java.util.Locale.ROOT),
                    "detail", state.detail(), "since", state.since().toString(), "partitions", state.partitions(), "lag", state.lag()));
        }
        (allConsuming ? builder.up() : builder.down()).withDetails(details);
    }
}
