package io.vizora.platform.objectstore;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** UP when the store answers a signed request and the content bucket exists. */
public class ObjectStoreHealthIndicator extends AbstractHealthIndicator {

    private final ObjectStore store;

    public ObjectStoreHealthIndicator(ObjectStore store) {
        super("Object store health check failed");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("bucket", store.bucket());
        if (store.bucketExists()) {
            builder.up();
        } else {
            builder.down().withDetail("reason", "bucket does not exist");
        }
    }
}
