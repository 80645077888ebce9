package io.vizora.platform.clickhouse;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** UP when ClickHouse answers a query, not merely its ping. */
public class ClickHouseHealthIndicator extends AbstractHealthIndicator {

    private final ClickHouseStore store;

    public ClickHouseHealthIndicator(ClickHouseStore store) {
        super("ClickHouse health check failed");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var version = store.query("SELECT version()").getFirst().getFirst();
        builder.up().withDetail("version", version);
    }
}
