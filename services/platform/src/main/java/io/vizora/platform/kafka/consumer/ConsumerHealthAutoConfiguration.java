package io.vizora.platform.kafka.consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Services with long-running consumers get a {@code consumers} health contributor (which the
 * readiness group includes) and, per consumer, the gauges {@code vizora.consumer.lag} and
 * {@code vizora.consumer.consuming} (1 while consuming).
 */
@AutoConfiguration
@ConditionalOnBean(MonitoredConsumer.class)
public class ConsumerHealthAutoConfiguration {

    @Bean
    ConsumersHealthIndicator consumersHealthIndicator(ObjectProvider<MonitoredConsumer> consumers) {
        return new ConsumersHealthIndicator(consumers);
    }

    @Bean
    @ConditionalOnClass(MeterRegistry.class)
    SmartInitializingSingleton consumerGauges(ObjectProvider<MonitoredConsumer> consumers, ObjectProvider<MeterRegistry> registries) {
        return () -> registries.ifAvailable(meters -> consumers.orderedStream().forEach(consumer -> {
            Gauge.builder("vizora.consumer.lag", consumer, watched -> watched.consumerState().lag())
                    .tag("consumer", consumer.consumerName()).description("records behind the end of the consumer's partitions").register(meters);
            Gauge.builder("vizora.consumer.consuming", consumer, watched -> watched.consumerState().consuming() ? 1 : 0)
                    .tag("consumer", consumer.consumerName()).description("1 while the consumer consumes, 0 while it waits or fails").register(meters);
        }));
    }
}
