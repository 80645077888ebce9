package io.vizora.projector.playback;

import io.vizora.platform.clickhouse.ClickHouseStore;
import io.vizora.projector.ProjectionConsumers.Generation;
import io.vizora.schemas.EventContract;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Proof of play into ClickHouse (ADR 0015): the schema migrated first, then the ingest. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vizora.projector.playback.enabled", havingValue = "true", matchIfMissing = true)
public class PlaybackProjection {

    @Bean
    ClickHouseMigrations clickHouseMigrations(ClickHouseStore store) {
        var migrations = new ClickHouseMigrations(store);
        migrations.migrate();
        return migrations;
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    PlaybackIngest playbackIngest(ClickHouseMigrations migrated, Generation generation, @Value("${spring.kafka.bootstrap-servers}") String kafka,
                                  ClickHouseStore store, EventContract contract, DatabaseClient db) {
        return new PlaybackIngest(kafka, generation.consumer("playback"), store, contract, new DisplayZones(db));
    }
}
