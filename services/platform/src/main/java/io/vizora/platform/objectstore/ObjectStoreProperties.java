package io.vizora.platform.objectstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The S3-compatible store that holds content (S3Proxy locally, MinIO or S3 in production). */
@ConfigurationProperties("vizora.s3")
public record ObjectStoreProperties(String endpoint, String region, String accessKey, String secretKey, String bucket) {

    public ObjectStoreProperties {
        region = region == null || region.isBlank() ? "us-east-1" : region;
    }

    @Override
    public String toString() {
        return "ObjectStoreProperties[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + "]";
    }
}
