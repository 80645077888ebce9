package io.vizora.benchmarks;

import io.vizora.device.TimeOrderedIds;
import io.vizora.schemas.Envelope;
import io.vizora.schemas.TopicCatalogue;
import io.vizora.testsupport.TestStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A fleet for benchmarks, made of the events the command service would emit, put straight onto the
 * domain topics as the relay would: a group of n displays, one content item, a playlist and a
 * campaign on the group, created but not yet published.
 */
record BenchFleet(KafkaProducer<String, byte[]> producer, UUID tenant, UUID group, List<UUID> displays, UUID playlist, UUID campaign) {

    private static final TopicCatalogue CATALOGUE = TopicCatalogue.load();
    static final Duration DEADLINE = Duration.ofMinutes(5);

    static BenchFleet create(KafkaProducer<String, byte[]> producer, int n) {
        var fleet = new BenchFleet(producer, UUID.randomUUID(), UUID.randomUUID(), IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList(),
                UUID.randomUUID(), UUID.randomUUID());
        fleet.sendAll();
        return fleet;
    }

    void send(String type, UUID subject, Object data) {
        var event = Envelope.json(TimeOrderedIds.next(), type, tenant, subject.toString(), "user:" + tenant, Instant.now(), data);
        producer.send(new ProducerRecord<>(CATALOGUE.topicFor(type).name(), subject.toString(), event));
    }

    private void sendAll() {
        var content = upload(UUID.randomUUID());
        send("vizora.fleet.display_group_created.v1", group, Map.of("groupId", group.toString(), "name", "Fleet"));
        for (var display : displays) {
            send("vizora.fleet.display_paired.v1", display, Map.of("displayId", display.toString(), "name", "Screen",
                    "timeZone", "Europe/Berlin", "groupIds", List.of(group.toString()), "tags", List.of()));
        }
        send("vizora.scheduling.playlist_created.v1", playlist, playlistOf(content));
        send("vizora.scheduling.campaign_created.v1", campaign, Map.of("campaignId", campaign.toString(), "name", "Launch",
                "playlistId", playlist.toString(), "targets", Map.of("displayIds", List.of(), "groupIds", List.of(group.toString()), "tags", List.of()),
                "startDate", LocalDate.now().minusDays(1).toString(), "endDate", LocalDate.now().plusDays(30).toString(),
                "dayparts", List.of(Map.of("weekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                        "start", "00:00", "end", "00:00")), "priority", 10, "kind", "normal"));
        producer.flush();
    }

    /**
     * A fleet-wide change after the publish, as an operator makes it: a new spot uploaded and put in
     * the playlist in place of the one every screen plays; every display's next manifest carries the
     * new content's id.
     */
    void replaceSpot(UUID content) {
        upload(content);
        send("vizora.scheduling.playlist_updated.v1", playlist, playlistOf(content));
        producer.flush();
    }

    private UUID upload(UUID content) {
        send("vizora.content.content_uploaded.v1", content, Map.of("contentId", content.toString(), "name", "Spot",
                "kind", "image", "mediaType", "image/png", "sizeBytes", 100, "sha256", "d".repeat(64),
                "objectKey", "tenants/" + tenant + "/content/" + content + "/original"));
        return content;
    }

    private Map<String, Object> playlistOf(UUID content) {
        return Map.of("playlistId", playlist.toString(), "name", "Loop", "items", List.of(Map.of("contentId", content.toString(), "durationMs", 10_000)));
    }

    void publish() {
        send("vizora.scheduling.campaign_published.v1", campaign, Map.of("campaignId", campaign.toString()));
        producer.flush();
    }

    /** The projector's read models are in a database of their own (ADR 0035). */
    static String query(String sql) throws SQLException {
        try (var connection = TestStack.jdbc(TestStack.Database.PROJECTOR); var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /** How many displays of this fleet have a compiled manifest. */
    long compiled() throws SQLException {
        return Long.parseLong(query("SELECT count(*) FROM projector.manifest WHERE organisation_id = '" + tenant + "'"));
    }

    /** Whether the projector has compiled every display it was asked to. */
    static boolean nothingDue() throws SQLException {
        return query("SELECT count(*) FROM projector.manifest_due").equals("0");
    }

    /** Runs ops/stack.sh on the bench stack (the environment ops/bench.sh set) and waits for it. */
    static void stack(String... arguments) throws Exception {
        var command = new ArrayList<String>();
        command.add(TestStack.repositoryRoot().resolve("ops/stack.sh").toString());
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ops/stack.sh " + String.join(" ", arguments) + " failed");
        }
    }

    /**
     * The CPU time a component of the bench stack has used so far, in seconds: the process
     * ops/stack.sh recorded and every process it started, with the time of those that ended
     * (Postgres's backends come and go with their connections), from Linux's /proc.
     */
    static double cpuSeconds(String component) throws java.io.IOException {
        var instance = System.getenv().getOrDefault("VIZORA_INSTANCE", "run");
        var state = TestStack.repositoryRoot().resolve(".vizora").resolve(instance).resolve(component);
        // Postgres keeps its own PID file; the first line is the postmaster's
        var pidFile = component.equals("postgres") ? state.resolve("cluster/data/postmaster.pid") : state.resolve("pid");
        var pid = Long.parseLong(java.nio.file.Files.readAllLines(pidFile).getFirst().strip());
        var process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(component + " (PID " + pid + ") is not running"));
        // each process's own time and that of its children it has waited for, which is where an ended child's time goes
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process), process.descendants())
                .mapToLong(each -> ticks(each.pid(), 4)).sum() / 100.0;
    }

    /**
     * The CPU time, in seconds, the bench stack's Postgres has spent in its walsenders so far: the
     * relay's logical decoding, which reads the whole write-ahead log, whatever database wrote it
     * (ADR 0035).
     */
    static double walsenderCpuSeconds() throws java.io.IOException {
        var instance = System.getenv().getOrDefault("VIZORA_INSTANCE", "run");
        var pidFile = TestStack.repositoryRoot().resolve(".vizora").resolve(instance).resolve("postgres/cluster/data/postmaster.pid");
        var postmaster = ProcessHandle.of(Long.parseLong(java.nio.file.Files.readAllLines(pidFile).getFirst().strip())).orElseThrow();
        // a backend's title replaces its arguments, which ProcessHandle does not read back: /proc's command line does
        return postmaster.children().filter(child -> title(child.pid()).startsWith("postgres: walsender"))
                .mapToLong(child -> ticks(child.pid(), 2)).sum() / 100.0;
    }

    private static String title(long pid) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "cmdline"));
        } catch (java.io.IOException gone) {
            return "";
        }
    }

    /** The CPU time, in seconds, one process has used so far (not the processes it started: the benchmark starts services). */
    static double cpuSeconds(ProcessHandle process) {
        return ticks(process.pid(), 2) / 100.0;
    }

    /** User and system time (two fields), then those of the children waited for (four), in clock ticks of 1/100 s; 0 once the process is gone. */
    private static long ticks(long pid, int fields) {
        try {
            // the command may hold spaces and parentheses: the fields after it are what count
            var stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            var values = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return java.util.stream.IntStream.range(11, 11 + fields).mapToLong(i -> Long.parseLong(values[i])).sum();
        } catch (java.io.IOException gone) {
            return 0;
        }
    }

    /** A count the query gives for one organisation. */
    static long count(TestStack.Database database, String sql, UUID organisation) throws SQLException {
        try (var connection = TestStack.jdbc(database); var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, organisation);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    static void deadline(long startNanos, String what) {
        deadline(startNanos, what, DEADLINE);
    }

    static void deadline(long startNanos, String what, Duration limit) {
        if (System.nanoTime() - startNanos > limit.toNanos()) {
            throw new IllegalStateException(what + " did not finish within " + limit);
        }
    }
}
