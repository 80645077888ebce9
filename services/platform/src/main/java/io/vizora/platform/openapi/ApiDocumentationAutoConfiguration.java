package io.vizora.platform.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;

/**
 * Every service that serves its OpenAPI document describes it the same way, each naming its API in
 * {@code vizora.api-docs}; the version is the one Maven built ({@code META-INF/build-info.properties},
 * which the parent pom has every Boot module write). Springdoc applies the customizer only where it
 * serves a document, so a service without springdoc's web part is unaffected.
 */
@AutoConfiguration(after = ProjectInfoAutoConfiguration.class)
@ConditionalOnClass(OpenApiCustomizer.class)
@EnableConfigurationProperties(ApiDocumentationProperties.class)
public class ApiDocumentationAutoConfiguration {

    /** Run from an IDE without Maven's build-info there is no version to tell. */
    static final String UNKNOWN_VERSION = "unknown";

    @Bean
    @ConditionalOnMissingBean
    ApiDocumentation apiDocumentation(ApiDocumentationProperties properties, ObjectProvider<BuildProperties> build) {
        var info = build.getIfAvailable();
        return new ApiDocumentation(properties.title(), properties.description(), info == null ? UNKNOWN_VERSION : info.getVersion());
    }
}
