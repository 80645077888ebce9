package io.vizora.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** What a service's OpenAPI document says its API is; the version comes from the build. */
@ConfigurationProperties("vizora.api-docs")
public record ApiDocumentationProperties(String title, String description) {

    public ApiDocumentationProperties {
        title = title == null || title.isBlank() ? "Vizora API" : title;
    }
}
