package io.vizora.testsupport;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stack a test runs against, as {@code make test} describes it in VIZORA_* variables
 * ({@code ops/stack.sh env}). Defaults are the test instance's ports; secrets have none.
 */
public final class TestStack {

    private TestStack() {
    }

    public static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static String required(String name) {
        var value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with 'make test', or eval \"$(VIZORA_INSTANCE=test ops/stack.sh env)\" first");
        }
        return value;
    }

    public static String postgresHost() {
        return env("VIZORA_POSTGRES_HOST", "127.0.0.1");
    }

    public static int postgresPort() {
        return Integer.parseInt(env("VIZORA_POSTGRES_PORT", "25532"));
    }

    /** The command service's database, which holds the outbox. */
    public static String postgresDatabase() {
        return Database.COMMANDS.named();
    }

    /** A database of the stack's Postgres: one per service that writes there (ADR 0035). */
    public enum Database {
        COMMANDS("VIZORA_POSTGRES_DATABASE", "vizora"),
        PROJECTOR("VIZORA_PROJECTOR_POSTGRES_DATABASE", "vizora_projector"),
        PARTNER("VIZORA_PARTNER_POSTGRES_DATABASE", "vizora_partner");

        private final String variable;
        private final String fallback;

        Database(String variable, String fallback) {
            this.variable = variable;
            this.fallback = fallback;
        }

        public String named() {
            return env(variable, fallback);
        }
    }

    public static String postgresUser() {
        return env("VIZORA_POSTGRES_USER", "vizora");
    }

    public static String postgresPassword() {
        return required("VIZORA_POSTGRES_PASSWORD");
    }

    public static String jdbcUrl() {
        return jdbcUrl(Database.COMMANDS);
    }

    private static String jdbcUrl(Database database) {
        return "jdbc:postgresql://" + postgresHost() + ":" + postgresPort() + "/" + database.named();
    }

    /** A pool, as services have: opening a connection per statement would dominate test time. */
    public static ConnectionFactory connectionFactory() {
        return connectionFactory(postgresHost(), postgresPort());
    }

    /** The same through a link to Postgres that the test can cut. */
    public static ConnectionFactory connectionFactory(CuttableLink toPostgres) {
        return connectionFactory(toPostgres.host(), toPostgres.port());
    }

    private static ConnectionFactory connectionFactory(String host, int port) {
        var connections = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(host).port(port).database(postgresDatabase())
                .username(postgresUser()).password(postgresPassword())
                .build());
        return new ConnectionPool(ConnectionPoolConfiguration.builder(connections)
                .maxSize(10).maxIdleTime(Duration.ofMinutes(1)).validationQuery("SELECT 1").build());
    }

    public static Connection jdbc() throws SQLException {
        return jdbc(Database.COMMANDS);
    }

    public static Connection jdbc(Database database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), postgresUser(), postgresPassword());
    }

    /**
     * Applies the migrations of the platform libraries on the classpath, as a service would at
     * start; those of libraries this module does not use were applied by others (ADR 0004).
     */
    public static void migrate() {
        Flyway.configure()
                .dataSource(jdbcUrl(), postgresUser(), postgresPassword())
                .locations("classpath:db/vizora")
                .ignoreMigrationPatterns("*:missing", "*:future")
                .outOfOrder(true)
                .load()
                .migrate();
    }

    public static String kafkaBootstrapServers() {
        return env("VIZORA_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:29192");
    }

    public static Admin kafkaAdmin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()));
    }

    /** Every record on a topic now, read from the beginning of each partition to its current end. */
    public static List<ConsumerRecord<String, byte[]>> records(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            var records = new ArrayList<ConsumerRecord<String, byte[]>>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The repository's root, found from the module a test runs in. */
    public static Path repositoryRoot() {
        var dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("ops/stack.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the Vizora repository");
        }
        return dir;
    }
}
