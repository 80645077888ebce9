package io.vizora.platform.objectstore;

import io.minio.MinioClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@AutoConfiguration
@ConditionalOnClass(MinioClient.class)
@EnableConfigurationProperties(ObjectStoreProperties.class)
public class ObjectStoreAutoConfiguration {

    // minio-java keeps an HTTP client whose threads hold the JVM open for a minute unless closed.
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ObjectStore objectStore(ObjectStoreProperties properties) {
        return new ObjectStore(properties);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnEnabledHealthIndicator("objectstore")
        ObjectStoreHealthIndicator objectStoreHealthIndicator(ObjectStore store) {
            return new ObjectStoreHealthIndicator(store);
        }
    }
}
