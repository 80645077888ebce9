package io.vizora.relay;

import org.apache.kafka.common.header.Headers;

/** An outbox row on its way to Kafka, with the time its transaction committed in Postgres. */
record RelayedEvent(String topic, String key, byte[] cloudEvent, Headers headers, long committedAtMillis) {
}
