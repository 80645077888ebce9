package io.vizora.partner;

import io.vizora.consumer.IdempotentEventConsumer;
import io.vizora.partner.feed.PartnerFold;
import io.vizora.partner.webhooks.WebhookSender;
import io.vizora.partner.webhooks.WebhookTargets;
import io.vizora.schemas.EventContract;
import io.vizora.schemas.PublicEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

    /** Public events come from these. */
    static final List<String> FEED_TOPICS = List.of("vizora.fleet", "vizora.content", "vizora.scheduling", "vizora.presence", "vizora.playback");
    /** API keys come from here, in a group of their own so that a revocation never waits behind a backlog of plays. */
    static final List<String> KEY_TOPICS = List.of("vizora.identity");
    static final String KEYS_GROUP_SUFFIX = "-keys";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PublicEvents publicEvents() {
        return PublicEvents.load();
    }

    @Bean
    WebhookTargets webhookTargets(PartnerProperties properties) {
        return new WebhookTargets(properties.webhooks().allowPrivateTargets(), InetAddress::getAllByName);
    }

    @Bean
    WebhookSender webhookSender(WebhookTargets targets, PartnerProperties properties, Clock clock) {
        return new WebhookSender(targets, properties.webhooks().timeout(), clock);
    }

    @Bean
    EventContract eventContract() {
        return EventContract.load();
    }

    @Bean
    PartnerFold partnerFold(PublicEvents publicEvents) {
        return new PartnerFold(publicEvents);
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactions) {
        return TransactionalOperator.create(transactions);
    }

    /**
     * Starts once the schema is migrated. An event whose append fails is retried until it succeeds,
     * even while Postgres answers (while it does not, every consumer waits, ADR 0042), rather than
     * dead-lettered: the feed is gapless, so a skipped event could never be noticed by a partner, and
     * appended later it would come out of order.
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    IdempotentEventConsumer feedConsumer(PartnerProperties properties, @Value("${spring.kafka.bootstrap-servers}") String kafka,
                                         PartnerFold fold, EventContract contract, DatabaseClient db, TransactionalOperator transaction,
                                         ObjectProvider<FlywayMigrationInitializer> migrations) {
        migrations.ifAvailable(migrated -> { });
        return consumer(IdempotentEventConsumer.Settings.of(properties.consumerGroup(), kafka, FEED_TOPICS)
                .withConcurrency(properties.concurrency()).asInstance(properties.member()), fold, contract, db, transaction);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    IdempotentEventConsumer keysConsumer(PartnerProperties properties, @Value("${spring.kafka.bootstrap-servers}") String kafka,
                                         PartnerFold fold, EventContract contract, DatabaseClient db, TransactionalOperator transaction,
                                         ObjectProvider<FlywayMigrationInitializer> migrations) {
        migrations.ifAvailable(migrated -> { });
        return consumer(IdempotentEventConsumer.Settings.of(properties.consumerGroup() + KEYS_GROUP_SUFFIX, kafka, KEY_TOPICS)
                .asInstance(properties.member()), fold, contract, db, transaction);
    }

    private static IdempotentEventConsumer consumer(IdempotentEventConsumer.Settings settings, PartnerFold fold, EventContract contract,
                                                    DatabaseClient db, TransactionalOperator transaction) {
        return new IdempotentEventConsumer(settings.withMaxAttempts(Integer.MAX_VALUE), contract, db, transaction, fold);
    }
}
