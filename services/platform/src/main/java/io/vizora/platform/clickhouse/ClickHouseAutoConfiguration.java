package io.vizora.platform.clickhouse;

import com.clickhouse.client.api.Client;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@AutoConfiguration
@ConditionalOnClass(Client.class)
@EnableConfigurationProperties(ClickHouseProperties.class)
public class ClickHouseAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ClickHouseStore clickHouseStore(ClickHouseProperties properties) {
        return new ClickHouseStore(properties);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnEnabledHealthIndicator("clickhouse")
        ClickHouseHealthIndicator clickHouseHealthIndicator(ClickHouseStore store) {
            return new ClickHouseHealthIndicator(store);
        }
    }
}
