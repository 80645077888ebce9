package io.vizora.projector;

import io.vizora.consumer.IdempotentEventConsumer;
import io.vizora.platform.kafka.consumer.ConsumerGroup;
import io.vizora.projector.audit.AuditFold;
import io.vizora.projector.commands.CommandFold;
import io.vizora.projector.commands.CommandQueue;
import io.vizora.projector.keys.KeyFold;
import io.vizora.projector.manifest.ManifestWorker;
import io.vizora.projector.state.StateFolds;
import io.vizora.schemas.EventContract;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import java.time.Duration;
import java.util.List;

/**
 * One idempotent consumer group per projection, so each folds, lags and rebuilds on its own.
 * They start once the schema is migrated.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConsumers {

    static final List<String> DOMAIN_TOPICS = List.of("vizora.identity", "vizora.fleet", "vizora.content", "vizora.scheduling");

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactions) {
        return TransactionalOperator.create(transactions);
    }

    @Bean
    EventContract eventContract() {
        return EventContract.load();
    }

    /** The generation this schema was created with (or the configured one); read once the schema is migrated. */
    @Bean
    Generation generation(ProjectorProperties properties, DatabaseClient db, ObjectProvider<FlywayMigrationInitializer> migrations) {
        migrations.ifAvailable(migrated -> { });
        var name = properties.generation() != null && !properties.generation().isBlank() ? properties.generation()
                : db.sql("SELECT name FROM generation").map(row -> row.get(0, String.class)).one().block(Duration.ofSeconds(30));
        return new Generation(name, properties.member());
    }

    /** The generation's name, and the name this process keeps in its consumer groups across restarts (ADR 0022). */
    public record Generation(String name, String member) {
        public String consumer(String projection) {
            return name + "-" + projection;
        }

        public ConsumerGroup group(String projection) {
            return new ConsumerGroup(consumer(projection), member);
        }
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    IdempotentEventConsumer stateConsumer(Generation generation, ProjectorProperties properties,
                                          @Value("${spring.kafka.bootstrap-servers}") String kafka, EventContract contract,
                                          DatabaseClient db, TransactionalOperator transaction, ManifestWorker manifests) {
        return consumer(generation, properties, "state", kafka, List.of("vizora.fleet", "vizora.content", "vizora.scheduling"), contract, db,
                transaction, new StateFolds(manifests::wake));
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    IdempotentEventConsumer auditConsumer(Generation generation, ProjectorProperties properties,
                                          @Value("${spring.kafka.bootstrap-servers}") String kafka, EventContract contract,
                                          DatabaseClient db, TransactionalOperator transaction) {
        return consumer(generation, properties, "audit", kafka, DOMAIN_TOPICS, contract, db, transaction, new AuditFold());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    IdempotentEventConsumer keyConsumer(Generation generation, ProjectorProperties properties,
                                        @Value("${spring.kafka.bootstrap-servers}") String kafka, EventContract contract,
                                        DatabaseClient db, TransactionalOperator transaction) {
        return consumer(generation, properties, "keys", kafka, List.of("vizora.identity"), contract, db, transaction, new KeyFold());
    }

    /** Fleet commands per display, and the queue of open ones the gateway reads (ADR 0028). */
    @Bean(initMethod = "start", destroyMethod = "close")
    IdempotentEventConsumer commandConsumer(Generation generation, ProjectorProperties properties,
                                            @Value("${spring.kafka.bootstrap-servers}") String kafka, EventContract contract,
                                            DatabaseClient db, TransactionalOperator transaction, CommandQueue queue) {
        return consumer(generation, properties, "commands", kafka, List.of("vizora.fleet"), contract, db, transaction, new CommandFold(queue));
    }

    private static IdempotentEventConsumer consumer(Generation generation, ProjectorProperties properties, String projection, String kafka,
                                                    List<String> topics, EventContract contract, DatabaseClient db,
                                                    TransactionalOperator transaction, io.vizora.consumer.EventHandler fold) {
        var settings = IdempotentEventConsumer.Settings.of(generation.consumer(projection), kafka, topics)
                .withConcurrency(properties.concurrency()).asInstance(generation.member());
        return new IdempotentEventConsumer(settings, contract, db, transaction, fold);
    }
}
