package io.vizora.platform.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/** Spring Boot has no Kafka health indicator; services that use Kafka get this one. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({Admin.class, KafkaProperties.class, HealthIndicator.class})
public class KafkaHealthAutoConfiguration {

    @Bean(destroyMethod = "close")
    Admin kafkaHealthAdmin(KafkaProperties properties) {
        return Admin.create(properties.buildAdminProperties());
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(Admin kafkaHealthAdmin) {
        return new KafkaHealthIndicator(kafkaHealthAdmin);
    }
}
