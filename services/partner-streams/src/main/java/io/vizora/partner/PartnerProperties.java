package io.vizora.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param consumerGroup the Kafka consumer group that folds the topics into the feed
 * @param concurrency   consumers in that group within this instance
 * @param member        the name this process keeps across restarts, if any (static group membership, ADR 0022)
 * @param webhooks      how webhooks are delivered
 */
@ConfigurationProperties("vizora.partner")
public record PartnerProperties(String consumerGroup, int concurrency, String member, Webhooks webhooks) {

    /**
     * @param firstRetry            the wait after a first failed attempt; it doubles per attempt (with jitter)
     * @param maxRetry              the longest wait between two attempts
     * @param maxAttempts           attempts per event before it becomes a dead letter and delivery moves on
     * @param timeout               how long a receiver may take to answer
     * @param pollInterval          how often due webhooks are looked for (new events also wake delivery)
     * @param allowPrivateTargets   whether loopback, private and link-local addresses may receive webhooks
     *                              (true only on a developer's machine: otherwise webhooks would reach into
     *                              the network Vizora runs in)
     */
    public record Webhooks(Duration firstRetry, Duration maxRetry, int maxAttempts, Duration timeout, Duration pollInterval,
                           boolean allowPrivateTargets) {
    }
}
