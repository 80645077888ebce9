package io.vizora.partner;

import io.vizora.consumer.IdempotentEventConsumer;
import io.vizora.partner.feed.PartnerFold;
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

    /** Public events come from these; API keys from identity. */
    static final List<String> TOPICS = List.of("vizora.identity", "vizora.fleet", "vizora.content", "vizora.scheduling",
            "vizora.presence", "vizora.playback");

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
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactions) {
        return TransactionalOperator.create(transactions);
    }

    /** Starts once the schema is migrated. */
    @Bean(initMethod = "start", destroyMethod = "close")
    IdempotentEventConsumer partnerConsumer(PartnerProperties properties, @Value("${spring.kafka.bootstrap-servers}") String kafka,
                                            PublicEvents publicEvents, DatabaseClient db, TransactionalOperator transaction,
                                            ObjectProvider<FlywayMigrationInitializer> migrations) {
        migrations.ifAvailable(migrated -> { });
        var fold = new PartnerFold(publicEvents);
        var settings = IdempotentEventConsumer.Settings.of(properties.consumerGroup(), kafka, TOPICS)
                .withConcurrency(properties.concurrency()).wanting(fold::wants);
        return new IdempotentEventConsumer(settings, EventContract.load(), db, transaction, fold);
    }
}
