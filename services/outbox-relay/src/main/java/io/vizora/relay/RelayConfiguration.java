package io.vizora.relay;

import io.micrometer.core.instrument.MeterRegistry;
import io.vizora.schemas.TopicCatalogue;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RelayConfiguration {

    @Bean
    TopicCatalogue topicCatalogue() {
        return TopicCatalogue.load();
    }

    @Bean
    OutboxRelay outboxRelay(RelayProperties properties, KafkaProperties kafka, MeterRegistry meters, Admin admin,
                            TopicCatalogue catalogue, JdbcClient jdbc) {
        var bootstrap = String.join(",", kafka.getBootstrapServers());
        SlotMonitor.register(meters, jdbc, properties.slotName());
        return new OutboxRelay(properties, DebeziumSettings.of(properties, bootstrap), kafka.buildProducerProperties(),
                meters, admin, catalogue);
    }

    @Bean
    RelayHealthIndicator relayHealthIndicator(OutboxRelay relay) {
        return new RelayHealthIndicator(relay);
    }

    @Bean
    OutboxJanitor outboxJanitor(JdbcClient jdbc, OutboxRelay relay, RelayProperties properties) {
        return new OutboxJanitor(jdbc, relay, properties.outboxRetention());
    }
}
