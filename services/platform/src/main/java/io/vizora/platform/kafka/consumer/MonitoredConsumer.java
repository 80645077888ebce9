package io.vizora.platform.kafka.consumer;

/**
 * A long-running Kafka consumer that says what it is doing. Every such consumer is a bean of this
 * type, so the service's health ({@code consumers}) and metrics ({@code vizora.consumer.*}) name it:
 * a consumer that is not consuming makes its service not ready.
 */
public interface MonitoredConsumer {

    String consumerName();

    ConsumerState consumerState();
}
