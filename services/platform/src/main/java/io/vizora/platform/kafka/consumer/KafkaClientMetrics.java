package io.vizora.platform.kafka.consumer;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

import java.util.Map;

/** What a Kafka client's own metrics say about its consumer, read the same way for every kind of consumer. */
final class KafkaClientMetrics {

    private KafkaClientMetrics() {
    }

    /** True when the client holds no connection to any broker: the cluster is away, whatever the assignment says. */
    static boolean disconnected(Map<MetricName, ? extends Metric> metrics) {
        return metrics.entrySet().stream()
                .filter(entry -> entry.getKey().name().equals("connection-count") && entry.getKey().group().endsWith("consumer-metrics"))
                .findFirst()
                .map(entry -> entry.getValue().metricValue() instanceof Number count && count.doubleValue() == 0)
                .orElse(false);
    }

    /** Records behind the end of every partition the client reads, summed. */
    static long lag(Map<MetricName, ? extends Metric> metrics) {
        return Math.round(metrics.entrySet().stream()
                .filter(entry -> entry.getKey().name().equals("records-lag") && entry.getKey().tags().containsKey("partition"))
                .mapToDouble(entry -> entry.getValue().metricValue() instanceof Number value && !Double.isNaN(value.doubleValue()) ? value.doubleValue() : 0)
                .sum());
    }
}
