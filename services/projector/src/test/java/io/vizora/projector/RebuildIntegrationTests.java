package io.vizora.projector;

import io.vizora.testsupport.DomainEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guarantee 4 (docs/architecture.md): after a random history, a projector built from nothing (a
 * fresh schema, a new generation reading every topic from the beginning, partitions in whatever
 * order they come) arrives at the same read models as the live one, and its manifests plan the same
 * campaigns and content at the same instants.
 */
@ProjectorIntegrationTest
class RebuildIntegrationTests {

    private static final List<String> TABLES = List.of("display", "display_group", "content", "playlist", "campaign", "organisation_default", "audit_log");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DatabaseClient db;

    @Autowired
    ReactiveStringRedisTemplate redis;

    private long count(String schema, String table, UUID tenant) {
        return db.sql("SELECT count(*) FROM " + schema + "." + table + " WHERE organisation_id = :tenant").bind("tenant", tenant)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private List<String> rows(String schema, String table, UUID tenant) {
        return db.sql("SELECT to_jsonb(t)::text FROM " + schema + "." + table + " t WHERE organisation_id = :tenant ORDER BY to_jsonb(t)::text")
                .bind("tenant", tenant).map(row -> row.get(0, String.class)).all().collectList().block();
    }

    private void settled(String schema, UUID tenant, int events) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count(schema, "audit_log", tenant)).isEqualTo(events);
            assertThat(count(schema, "manifest_due", tenant)).isZero();
        });
    }

    /** What the manifest plays at an instant: the slice's campaigns and the content of its items. */
    private List<Object> planned(String prefix, UUID displayId, Instant instant) {
        var body = redis.<String, String>opsForHash().get(prefix + "manifest:" + displayId, "manifest").block();
        if (body == null) {
            return List.of("none");
        }
        for (JsonNode slice : JSON.readTree(body).get("slices")) {
            if (!Instant.parse(slice.get("start").asString()).isAfter(instant) && Instant.parse(slice.get("end").asString()).isAfter(instant)) {
                var content = new ArrayList<String>();
                slice.get("items").forEach(item -> content.add(item.get("contentId").asString()));
                return List.of(slice.get("source").asString(), slice.get("campaignIds").toString(), content);
            }
        }
        throw new AssertionError("no slice of " + displayId + " covers " + instant);
    }

    @Test
    void aProjectorBuiltFromNothingEqualsTheLiveOne() {
        var tenant = UUID.randomUUID();
        // -Drebuild.seed=<the seed a failure names> replays that workload
        var seed = Long.getLong("rebuild.seed", System.nanoTime());
        var events = new Workload(seed, DomainEvents.shared(), tenant).run();
        settled("projector", tenant, events);

        var rebuild = UUID.randomUUID().toString().substring(0, 8);
        var schema = "projector_rebuild_" + rebuild;
        var prefix = "vizora-rebuild-" + rebuild + ":";
        try (var rebuilt = new SpringApplicationBuilder(ProjectorApplication.class).web(WebApplicationType.NONE)
                .run("--spring.flyway.schemas=" + schema, "--spring.r2dbc.properties.schema=" + schema,
                        "--vizora.projector.redis-prefix=" + prefix, "--vizora.projector.generation=rebuild-" + rebuild,
                        "--vizora.projector.analytics.enabled=false")) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (var table : TABLES) {
                    assertThat(rows(schema, table, tenant)).as("%s after rebuild (seed %d)", table, seed).isEqualTo(rows("projector", table, tenant));
                }
            });
            settled(schema, tenant, events);
            var displays = db.sql("SELECT display_id FROM projector.manifest WHERE organisation_id = :tenant").bind("tenant", tenant)
                    .map(row -> row.get(0, UUID.class)).all().collectList().block();
            assertThat(displays).isNotEmpty();
            var later = Instant.now().plus(Duration.ofHours(1));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (var display : displays) {
                    for (var instant : List.of(later, later.plus(Duration.ofDays(1)), later.plus(Duration.ofDays(3)), later.plus(Duration.ofDays(5)))) {
                        assertThat(planned(prefix, display, instant)).as("display %s at %s (seed %d)", display, instant, seed)
                                .isEqualTo(planned("vizora:", display, instant));
                    }
                }
            });
        } finally {
            db.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").then().block();
            redis.keys(prefix + "*").flatMap(redis::delete).blockLast();
        }
    }
}
