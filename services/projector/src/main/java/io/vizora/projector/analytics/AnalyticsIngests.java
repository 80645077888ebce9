package io.vizora.projector.analytics;

import io.vizora.platform.clickhouse.ClickHouseStore;
import io.vizora.projector.ProjectionConsumers.Generation;
import io.vizora.projector.manifest.ManifestWorker;
import io.vizora.schemas.EventContract;
import io.vizora.schemas.PlayReports;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import java.util.Set;

/** Proof of play and device health into ClickHouse (ADR 0015): the schema migrated first, then the ingests. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vizora.projector.analytics.enabled", havingValue = "true", matchIfMissing = true)
public class AnalyticsIngests {

    static final ExactlyOnceIngest.Target PLAYS = new ExactlyOnceIngest.Target("playback", "vizora.playback",
            Set.of(PlayReports.REPORT, PlayReports.PLAY), "plays", "play_id");
    static final ExactlyOnceIngest.Target HEALTH = new ExactlyOnceIngest.Target("health", "vizora.presence",
            Set.of("vizora.presence.heartbeat.v1"), "health_samples", "sample_id");

    @Bean
    ClickHouseMigrations clickHouseMigrations(ClickHouseStore store) {
        var migrations = new ClickHouseMigrations(store);
        migrations.migrate();
        return migrations;
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ExactlyOnceIngest playbackIngest(ClickHouseMigrations migrated, Generation generation, @Value("${spring.kafka.bootstrap-servers}") String kafka,
                                     ClickHouseStore store, EventContract contract, DatabaseClient db) {
        return new ExactlyOnceIngest(PLAYS, PlayRow.rows(new DisplayZones(db)), kafka, generation.group(PLAYS.name()), store, contract);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ExactlyOnceIngest healthIngest(ClickHouseMigrations migrated, Generation generation, @Value("${spring.kafka.bootstrap-servers}") String kafka,
                                   ClickHouseStore store, EventContract contract) {
        return new ExactlyOnceIngest(HEALTH, HealthRow.ROWS, kafka, generation.group(HEALTH.name()), store, contract);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    PlannedSlices plannedSlices(ClickHouseMigrations migrated, Generation generation, @Value("${spring.kafka.bootstrap-servers}") String kafka,
                                ClickHouseStore store, ManifestWorker manifests) {
        return new PlannedSlices(kafka, generation.group("planned"), store, manifests::draining);
    }
}
