package io.vizora.platform.clickhouse;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the analytics store is and who Vizora is there. */
@ConfigurationProperties("vizora.clickhouse")
public record ClickHouseProperties(String url, String database, String username, String password) {
}
