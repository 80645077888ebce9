package io.vizora.platform;

import io.vizora.platform.clickhouse.ClickHouseHealthIndicator;
import io.vizora.platform.clickhouse.ClickHouseProperties;
import io.vizora.platform.clickhouse.ClickHouseStore;
import io.vizora.platform.kafka.KafkaHealthIndicator;
import io.vizora.platform.objectstore.ObjectStore;
import io.vizora.platform.objectstore.ObjectStoreHealthIndicator;
import io.vizora.platform.objectstore.ObjectStoreProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

@StackIntegrationTest
class HealthIndicatorsIntegrationTests {

    @Autowired
    ClickHouseHealthIndicator clickHouse;

    @Autowired
    KafkaHealthIndicator kafka;

    @Autowired
    ObjectStoreHealthIndicator objectStore;

    @Autowired
    ObjectStoreProperties objectStoreProperties;

    @Autowired
    ClickHouseProperties clickHouseProperties;

    @Test
    void eachServerOfTheStackIsReportedUp() {
        assertThat(clickHouse.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(kafka.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(objectStore.health(true).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aMissingBucketIsReportedDown() throws Exception {
        var p = objectStoreProperties;
        try (var store = new ObjectStore(new ObjectStoreProperties(p.endpoint(), p.region(), p.accessKey(), p.secretKey(), "no-such-bucket"))) {
            assertThat(new ObjectStoreHealthIndicator(store).health(true).getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void wrongClickHouseCredentialsAreReportedDownWithoutThePassword() {
        var p = clickHouseProperties;
        try (var store = new ClickHouseStore(new ClickHouseProperties(p.url(), p.database(), p.username(), "wrong-password"))) {
            var health = new ClickHouseHealthIndicator(store).health(true);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.toString()).doesNotContain("wrong-password");
        }
    }
}
