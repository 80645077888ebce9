package io.vizora.projector.analytics;

import io.vizora.platform.clickhouse.ClickHouseStore;
import io.vizora.projector.ProjectorIntegrationTest;
import io.vizora.schemas.Envelope;
import io.vizora.testsupport.DomainEvents;
import io.vizora.testsupport.ServiceProcess;
import io.vizora.testsupport.TestStack;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plays reach ClickHouse exactly once: duplicates on the topic (an agent that sent a batch again,
 * whole or in other reports) change no count, a play of the form before ADR 0033 is counted too, and a projector killed -9 in the middle of ingesting a backlog, then restarted,
 * ends with every play once; killed again in the middle of folding a batch of events, it ends with
 * each applied once. The second test stops this context's ingest so that only the
 * projector process ingests (and starts it again afterwards).
 */
@ProjectorIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaybackIngestIntegrationTests {

    /** A projector process starting while another folds every topic from the beginning can take minutes on a busy machine. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(5);


    @Autowired
    ClickHouseStore clickhouse;

    @Autowired
    @Qualifier("playbackIngest")
    ExactlyOnceIngest ingest;

    private static void report(UUID tenant, UUID display, UUID play, long sequence) {
        Plays.report(tenant, display, play, sequence, Instant.parse("2026-11-26T09:00:00Z").plusSeconds(sequence * 10));
    }

    private long count(String what, UUID tenant) {
        return Long.parseLong(clickhouse.query("SELECT " + what + " FROM plays WHERE tenant_id = '" + tenant + "'").getFirst().getFirst());
    }

    @Test
    @Order(1)
    void duplicatesOnThePlaybackTopicChangeNoCount() {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        var plays = new ArrayList<UUID>();
        for (int i = 1; i <= 300; i++) {
            plays.add(UUID.randomUUID());
            report(tenant, display, plays.getLast(), i);
        }
        DomainEvents.shared().flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> count("count()", tenant) == 300);
        // an agent that missed its acks sends 100 plays again, some twice in one burst, then 50 of them
        // in reports of ten; then one new play as an event of the form before ADR 0033
        for (int i = 0; i < 100; i++) {
            report(tenant, display, plays.get(i), i + 1);
            if (i % 10 == 0) {
                report(tenant, display, plays.get(i), i + 1);
            }
        }
        for (int i = 50; i < 100; i += 10) {
            Plays.reportTogether(tenant, display, plays.subList(i, i + 10), i + 1L, Instant.parse("2026-11-26T09:00:00Z").plusSeconds((i + 1) * 10L));
        }
        var last = UUID.randomUUID();
        Plays.reportAsBefore(tenant, display, last, 301, Instant.parse("2026-11-26T09:00:00Z").plusSeconds(3010));
        DomainEvents.shared().flush();

        // one partition (the display's key): once the last play is in, every duplicate before it was read
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.parseLong(clickhouse.query(
                "SELECT count() FROM plays WHERE tenant_id = '" + tenant + "' AND play_id = '" + last + "'").getFirst().getFirst()) == 1);
        assertThat(count("count()", tenant)).isEqualTo(301);
        assertThat(count("uniqExact(play_id)", tenant)).isEqualTo(301);
        assertThat(count("sum(duration_ms)", tenant)).isEqualTo(301 * 10_000L);
        assertThat(rolledUp(tenant)).as("plays and play time in the hourly rollup").isEqualTo(List.of("301", Long.toString(301 * 10_000L)));
    }

    @Test
    @Order(4)
    void aReportStampedAsCheckedThatBreaksTheContractIsSkippedAndTheReportsAroundItAreCounted() {
        var tenant = UUID.randomUUID();
        var display = UUID.randomUUID();
        var start = Instant.parse("2026-11-26T09:00:00Z");
        Plays.reportStampedAsChecked(tenant, display, UUID.randomUUID(), 1, start);
        Plays.reportStampedAsChecked(tenant, display, UUID.randomUUID(), 2, null);
        var last = UUID.randomUUID();
        Plays.reportStampedAsChecked(tenant, display, last, 3, start.plusSeconds(20));
        DomainEvents.shared().flush();

        // one partition (the display's key): once the last play is in, the broken one before it was read
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.parseLong(clickhouse.query(
                "SELECT count() FROM plays WHERE tenant_id = '" + tenant + "' AND play_id = '" + last + "'").getFirst().getFirst()) == 1);
        assertThat(count("count()", tenant)).isEqualTo(2);
    }

    @Test
    @Order(3)
    void aBacklogOfFullReportsFromManyDisplaysIsCountedOncePlayByPlay() {
        var tenant = UUID.randomUUID();
        int displays = 30;
        ingest.close();
        try {
            // 15,000 plays in 30 records over every partition: more ids than one query to ClickHouse may name
            for (int d = 0; d < displays; d++) {
                Plays.reportTogether(tenant, UUID.randomUUID(), IntStream.range(0, 500).mapToObj(i -> UUID.randomUUID()).toList(), 1,
                        Instant.parse("2026-11-26T09:00:00Z"));
            }
            DomainEvents.shared().flush();
        } finally {
            ingest.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> count("count()", tenant) >= displays * 500L);
        assertThat(count("uniqExact(play_id)", tenant)).isEqualTo(displays * 500L);
        assertThat(count("count()", tenant)).isEqualTo(displays * 500L);
    }

    private List<String> rolledUp(UUID tenant) {
        return clickhouse.query("SELECT sum(plays), sum(play_time_ms) FROM plays_hourly WHERE tenant_id = '" + tenant + "'").getFirst();
    }

    @Test
    @Order(2)
    void aProjectorKilledInTheMiddleOfABacklogCountsEveryPlayOnceAfterItsRestart() throws Exception {
        ingest.close();
        try {
            killedInTheMiddleOfABacklog();
        } finally {
            ingest.start();
        }
    }

    private void killedInTheMiddleOfABacklog() throws Exception {
        var displays = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        int total = 12_000;
        Callable<UUID> backlog = () -> {
            var tenant = UUID.randomUUID();
            for (int i = 0; i < total; i++) {
                report(tenant, displays.get(i % displays.size()), UUID.randomUUID(), i / displays.size() + 1);
            }
            DomainEvents.shared().flush();
            return tenant;
        };
        var first = backlog.call();

        // read models of its own, so that only the plays are shared with this context
        var own = "killed_" + UUID.randomUUID().toString().replace("-", "");
        try (var projector = ServiceProcess.start(Path.of("target", "projector.jar"), "projector-killed", 0,
                "--vizora.tokens.jwks-uri=" + System.getProperty("vizora.tokens.jwks-uri"), "--vizora.projector.generation=" + own,
                "--spring.flyway.schemas=" + own, "--spring.r2dbc.properties.schema=" + own, "--vizora.projector.redis-prefix=" + own + ":",
                "--vizora.projector.member=killed")) {
            var tenant = killedInTheMiddle(projector, total, first, backlog, played -> count("count()", played));

            projector.restart();
            await().atMost(HANG_GUARD).until(() -> count("count()", tenant) >= total);
            assertThat(count("count()", tenant)).isEqualTo(total);
            assertThat(count("uniqExact(play_id)", tenant)).isEqualTo(total);
            assertThat(rolledUp(tenant).getFirst()).as("plays in the hourly rollup").isEqualTo(Integer.toString(total));

            killedInTheMiddleOfABatch(projector, own);
        }
    }

    /**
     * The folds apply a poll's events in one transaction: a projector killed while folding, then
     * restarted (as the same static member), ends with every event applied once and the last
     * rename of each group in place.
     */
    private static void killedInTheMiddleOfABatch(ServiceProcess projector, String schema) throws Exception {
        int events = 8_000;
        record Round(UUID tenant, List<UUID> groups) {}
        Callable<Round> renames = () -> {
            var round = new Round(UUID.randomUUID(), IntStream.range(0, 100).mapToObj(i -> UUID.randomUUID()).toList());
            var groups = round.groups();
            for (int i = 0; i < events; i++) {
                var group = groups.get(i % groups.size());
                var type = i < groups.size() ? "vizora.fleet.display_group_created.v1" : "vizora.fleet.display_group_renamed.v1";
                DomainEvents.shared().record("vizora.fleet", group.toString(), Envelope.json(UUID.randomUUID(), type, round.tenant(),
                        group.toString(), "user:" + round.tenant(), Instant.now(), Map.of("groupId", group.toString(), "name", "Group " + i)));
            }
            DomainEvents.shared().flush();
            return round;
        };
        var round = killedInTheMiddle(projector, events, renames.call(), renames, folded -> audited(schema, folded.tenant()));
        var tenant = round.tenant();
        var atKill = audited(schema, tenant);

        var restarted = System.nanoTime();
        projector.restart().awaitUp();
        var ready = System.nanoTime();
        await().atMost(HANG_GUARD).pollInterval(Duration.ofMillis(20)).until(() -> audited(schema, tenant) > atKill);
        System.out.printf("killed projector started again: ready after %d ms, folding again %d ms after it was ready%n",
                (ready - restarted) / 1_000_000, (System.nanoTime() - ready) / 1_000_000);
        await().atMost(HANG_GUARD).until(() -> audited(schema, tenant) >= events);
        assertThat(audited(schema, tenant)).isEqualTo(events);
        assertThat(single(schema, "SELECT count(DISTINCT event_id) FROM %s.audit_log WHERE organisation_id = ?", tenant)).isEqualTo(events);
        // the last rename of group k is event (events - 100 + k)
        var groups = round.groups();
        for (int k = 0; k < groups.size(); k++) {
            try (var connection = TestStack.jdbc(TestStack.Database.PROJECTOR);
                 var statement = connection.prepareStatement("SELECT name FROM " + schema + ".display_group WHERE id = ?")) {
                statement.setObject(1, groups.get(k));
                try (var result = statement.executeQuery()) {
                    assertThat(result.next()).isTrue();
                    assertThat(result.getString(1)).isEqualTo("Group " + (events - groups.size() + k));
                }
            }
        }
    }

    /** How much of a published round the projector has applied. */
    private interface Progress<T> {
        long of(T round) throws Exception;
    }

    /**
     * Kills the projector with -9 as soon as it has applied part of a round, and returns the round
     * it killed in the middle of (left dead). The kill lands wherever the projector is by then: a
     * round it missed (all applied, as on a fast machine) proves nothing, so the projector starts
     * again and another round is published; three misses fail.
     */
    private static <T> T killedInTheMiddle(ServiceProcess projector, long total, T first, Callable<T> next, Progress<T> progress) throws Exception {
        var round = first;
        for (int attempt = 1; ; attempt++) {
            var current = round;
            await().atMost(HANG_GUARD).pollInterval(Duration.ofMillis(10)).until(() -> progress.of(current) > 0);
            projector.kill();
            var atKill = progress.of(round);
            if (atKill < total || attempt == 3) {
                assertThat(atKill).as("killed in the middle of applying a round").isBetween(1L, total - 1L);
                return round;
            }
            projector.restart().awaitUp();
            round = next.call();
        }
    }

    private static long audited(String schema, UUID tenant) throws SQLException {
        return single(schema, "SELECT count(*) FROM %s.audit_log WHERE organisation_id = ?", tenant);
    }

    private static long single(String schema, String query, UUID tenant) throws SQLException {
        try (var connection = TestStack.jdbc(TestStack.Database.PROJECTOR); var statement = connection.prepareStatement(query.formatted(schema))) {
            statement.setObject(1, tenant);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
