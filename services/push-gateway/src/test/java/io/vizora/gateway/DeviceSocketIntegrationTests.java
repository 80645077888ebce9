package io.vizora.gateway;

import io.vizora.schemas.Envelope;
import io.vizora.schemas.EventContract;
import io.vizora.schemas.PlayReports;
import io.vizora.testsupport.TestJwks;
import io.vizora.testsupport.TestStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(TestJwks.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"vizora.gateway.token-renewal-notice=PT1S",
        "vizora.web.rate-limit.per-address.capacity=1000000"})
class DeviceSocketIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new StringSerializer());

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @AfterAll
    static void close() {
        PRODUCER.close();
    }

    /** A connection as an agent holds it: everything received, how it was closed, and a way to send more. */
    private record Agent(List<JsonNode> received, AtomicReference<CloseStatus> closed, Sinks.Many<String> outbound) {

        void send(String message) {
            outbound.tryEmitNext(message);
        }

        List<JsonNode> ofType(String type) {
            return received.stream().filter(message -> message.get("type").asString().equals(type)).toList();
        }
    }

    private Agent connect(String token, String... messages) {
        return connect(port, token, messages);
    }

    private static Agent connect(int port, String token, String... messages) {
        var agent = new Agent(new CopyOnWriteArrayList<>(), new AtomicReference<>(), Sinks.many().unicast().onBackpressureBuffer());
        for (var message : messages) {
            agent.send(message);
        }
        var headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        new ReactorNettyWebSocketClient().execute(URI.create("ws://127.0.0.1:" + port + "/device/v1/socket"), headers, session -> {
            session.closeStatus().subscribe(agent.closed()::set);
            var receive = session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(text -> agent.received().add(JSON.readTree(text))).then().cache();
            return Mono.when(session.send(agent.outbound().asFlux().takeUntilOther(receive).map(session::textMessage)), receive);
        }).subscribe(done -> { }, failure -> { });
        return agent;
    }

    private static String manifest(UUID display, UUID organisation, long version) {
        return JSON.writeValueAsString(Map.of("displayId", display.toString(), "organisationId", organisation.toString(), "version", version,
                "slices", List.of()));
    }

    /** What the projector does with a new manifest: Redis first, then the topic. */
    private void publish(UUID display, UUID organisation, long version) throws Exception {
        var body = manifest(display, organisation, version);
        redis.opsForHash().putAll("vizora:manifest:" + display, Map.of("version", Long.toString(version), "manifest", body,
                "organisation", organisation.toString()));
        PRODUCER.send(new ProducerRecord<>("vizora.manifests", display.toString(), body)).get();
    }

    private static String message(UUID id, String type, Object body) {
        return JSON.writeValueAsString(Map.of("id", id.toString(), "type", type, "body", body));
    }

    private static Map<String, Object> play(UUID playId, long sequence) {
        return Map.of("playId", playId.toString(), "sequence", sequence, "contentId", UUID.randomUUID().toString(),
                "startedAt", "2026-11-26T09:30:00Z", "durationMs", 10_000, "outcome", "completed", "fromCache", true);
    }

    private static String hello(Long version) {
        return JSON.writeValueAsString(Map.of("id", UUID.randomUUID().toString(), "type", "hello",
                "body", version == null ? Map.of() : Map.of("manifestVersion", version)));
    }

    @Test
    void anAgentGetsTheNewestManifestOnHelloAndEveryLaterOneAndIsToldWhenUnpaired() throws Exception {
        var organisation = UUID.randomUUID();
        var display = UUID.randomUUID();
        publish(display, organisation, 5);

        var agent = connect(TestJwks.device(organisation, display), hello(null));

        await().atMost(Duration.ofSeconds(10)).until(() -> !agent.received().isEmpty());
        assertThat(agent.received().getFirst().get("type").asString()).isEqualTo("manifest");
        assertThat(agent.received().getFirst().get("body").get("version").asLong()).isEqualTo(5);
        assertThat(agent.received().getFirst().get("replyTo").asString()).isNotBlank();

        publish(display, organisation, 6);
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.received().size() == 2);
        assertThat(agent.received().get(1).get("body").get("manifest").get("version").asLong()).isEqualTo(6);

        redis.delete("vizora:manifest:" + display);
        PRODUCER.send(new ProducerRecord<>("vizora.manifests", display.toString(), null)).get();
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.closed().get() != null);
        assertThat(agent.received().getLast().get("type").asString()).isEqualTo("unpaired");
        assertThat(agent.closed().get().getCode()).isEqualTo(4403);

        var again = connect(TestJwks.device(organisation, display), hello(6L));
        await().atMost(Duration.ofSeconds(10)).until(() -> again.closed().get() != null);
        assertThat(again.closed().get().getCode()).isEqualTo(4403);
    }

    @Test
    void playsOfADisplayWithoutAManifestInRedisAreNeitherTakenNorRefusedAndTheSocketClosesWithoutSayingUnpaired() throws Exception {
        var organisation = UUID.randomUUID();
        var display = UUID.randomUUID();
        publish(display, organisation, 1);
        var agent = connect(TestJwks.device(organisation, display), hello(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> !agent.ofType("manifest").isEmpty());

        // the projector withdrew the manifest (unpaired, its tombstone not yet here), or Redis lost it (restarted)
        redis.delete("vizora:manifest:" + display);
        agent.send(message(UUID.randomUUID(), "plays", Map.of("plays", List.of(play(UUID.randomUUID(), 1)))));

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.closed().get() != null);
        assertThat(agent.closed().get().getCode()).isEqualTo(4403);
        assertThat(agent.ofType("error")).as("a refusal would make the agent drop the plays").isEmpty();
        assertThat(agent.ofType("ack")).isEmpty();
        assertThat(agent.ofType("unpaired")).as("would make the agent forget its pairing; the command service decides").isEmpty();
        assertThat(TestStack.records("vizora.playback")).noneMatch(record -> record.key().equals(display.toString()));
    }

    @Test
    void aHeartbeatIsAcknowledgedOnlyOnceItIsOnThePresenceTopicAndABadOneIsRefused() throws Exception {
        var organisation = UUID.randomUUID();
        var display = UUID.randomUUID();
        publish(display, organisation, 3);
        var beat = UUID.randomUUID();
        var bad = UUID.randomUUID();
        var agent = connect(TestJwks.device(organisation, display), hello(3L),
                JSON.writeValueAsString(Map.of("id", beat.toString(), "type", "heartbeat",
                        "body", Map.of("cpuPercent", 12.5, "appVersion", "0.1.0", "screenOn", true))),
                JSON.writeValueAsString(Map.of("id", bad.toString(), "type", "heartbeat", "body", Map.of("cpuPercent", 500))));

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.received().size() == 2);
        assertThat(agent.received().get(0).get("type").asString()).isEqualTo("ack");
        assertThat(agent.received().get(0).get("replyTo").asString()).isEqualTo(beat.toString());
        assertThat(agent.received().get(1).get("type").asString()).isEqualTo("error");
        assertThat(agent.received().get(1).get("replyTo").asString()).isEqualTo(bad.toString());
        assertThat(agent.received().get(1).get("body").get("detail").asString()).contains("cpuPercent");

        var found = TestStack.records("vizora.presence").stream().filter(record -> record.key().equals(display.toString()))
                .map(record -> JSON.readTree(record.value())).toList();
        assertThat(found).singleElement().satisfies(event -> {
            assertThat(event.get("id").asString()).isEqualTo(beat.toString());
            assertThat(event.get("principal").asString()).isEqualTo("device:" + display);
            assertThat(event.get("tenantid").asString()).isEqualTo(organisation.toString());
            assertThat(event.get("data").get("cpuPercent").asDouble()).isEqualTo(12.5);
        });
    }

    @Test
    void anAgentWithoutASocketFetchesItsManifestByHttpWithAnEtag() throws Exception {
        var organisation = UUID.randomUUID();
        var display = UUID.randomUUID();
        publish(display, organisation, 9);
        var client = org.springframework.test.web.reactive.server.WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port);
        new io.vizora.testsupport.WholeBodies().customize(client);
        var http = client.build();
        var token = TestJwks.device(organisation, display);

        http.get().uri("/device/v1/manifest").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"9\"").expectBody().jsonPath("$.version").isEqualTo(9);
        http.get().uri("/device/v1/manifest").header("Authorization", "Bearer " + token).header("If-None-Match", "\"9\"").exchange()
                .expectStatus().isNotModified();
        publish(display, organisation, 10);
        http.get().uri("/device/v1/manifest").header("Authorization", "Bearer " + token).header("If-None-Match", "\"9\"").exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"10\"");

        http.get().uri("/device/v1/manifest").exchange().expectStatus().isUnauthorized();
        http.get().uri("/device/v1/manifest").header("Authorization", "Bearer " + TestJwks.operator(organisation, "owner")).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/device/v1/manifest").header("Authorization", "Bearer " + TestJwks.device(UUID.randomUUID(), display)).exchange()
                .expectStatus().isForbidden();
    }

    /**
     * Agents of one display on two gateway instances: each instance delivers to the sockets it holds,
     * and one that shuts down tells its agents it is going away.
     */
    @Test
    void twoGatewaysSideBySideEachDeliverToTheirOwnAgentsAndOneShuttingDownSendsItsAgentsAway() throws Exception {
        var organisation = UUID.randomUUID();
        var display = UUID.randomUUID();
        publish(display, organisation, 1);
        var here = connect(port, TestJwks.device(organisation, display), hello(1L));
        Agent there;
        try (var second = new org.springframework.boot.builder.SpringApplicationBuilder(PushGatewayApplication.class)
                .run("--server.port=0", "--vizora.gateway.token-renewal-notice=PT1S", "--vizora.tokens.jwks-uri=" + System.getProperty("vizora.tokens.jwks-uri"))) {
            var secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            there = connect(secondPort, TestJwks.device(organisation, display), hello(1L));
            await().atMost(Duration.ofSeconds(10)).until(() -> second.getBean(Connections.class).count() == 1);

            publish(display, organisation, 2);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(here.received()).extracting(message -> message.get("body").get("version").asLong()).containsExactly(2L);
                assertThat(there.received()).extracting(message -> message.get("body").get("version").asLong()).containsExactly(2L);
            });
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> there.closed().get() != null);
        assertThat(there.closed().get().getCode()).isEqualTo(1001);
        assertThat(here.closed().get()).isNull();
    }

    @Test
    void anAgentThatHasTheNewestManifestIsSentNothingOnHello() throws Exception {
        var organisation = UUID.randomUUID();
        var display = UUID.randomUUID();
        publish(display, organisation, 7);
        var current = connect(TestJwks.device(organisation, display), hello(7L));
        var behind = connect(TestJwks.device(organisation, display), hello(3L));

        await().atMost(Duration.ofSeconds(10)).until(() -> behind.received().size() == 1);
        assertThat(current.received()).isEmpty();
        assertThat(current.closed().get()).isNull();
    }

    @Test
    void onlyAPairedDisplaysOwnDeviceTokenIsLetIn() throws Exception {
        var organisation = UUID.randomUUID();
        var display = UUID.randomUUID();
        publish(display, organisation, 1);

        var cases = Map.of(
                "no token", connect(null, hello(null)),
                "an operator's token", connect(TestJwks.operator(organisation, "owner"), hello(null)),
                "a forged token", connect("e30.e30.c2ln", hello(null)),
                "another organisation's device claiming the display", connect(TestJwks.device(UUID.randomUUID(), display), hello(null)),
                "a display that is not paired", connect(TestJwks.device(organisation, UUID.randomUUID()), hello(null)));

        await().atMost(Duration.ofSeconds(10)).until(() -> cases.values().stream().allMatch(agent -> agent.closed().get() != null));
        cases.forEach((what, agent) -> {
            assertThat(agent.received()).as(what).isEmpty();
            assertThat(agent.closed().get().getCode()).as(what).isIn(4401, 4403);
        });
        assertThat(cases.get("no token").closed().get().getCode()).isEqualTo(4401);
        assertThat(cases.get("a display that is not paired").closed().get().getCode()).isEqualTo(4403);
    }

    @Test
    void aBatchOfPlaysIsAcknowledgedOnlyOnceAllAreOnThePlaybackTopicAndABatchWithABadPlayPutsNothingThere() throws Exception {
        var organisation = UUID.randomUUID();
        var display = UUID.randomUUID();
        publish(display, organisation, 1);
        var plays = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        var batch = UUID.randomUUID();
        var badBatch = UUID.randomUUID();
        var goodPlayOfBadBatch = UUID.randomUUID();
        var broken = new java.util.HashMap<>(play(UUID.randomUUID(), 5));
        broken.put("outcome", "skipped");

        var agent = connect(TestJwks.device(organisation, display), hello(1L),
                message(batch, "plays", Map.of("plays", List.of(play(plays.get(0), 1), play(plays.get(1), 2), play(plays.get(2), 3)))),
                message(badBatch, "plays", Map.of("plays", List.of(play(goodPlayOfBadBatch, 4), broken))));

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.received().size() == 2);
        assertThat(agent.received().get(0).get("type").asString()).isEqualTo("ack");
        assertThat(agent.received().get(0).get("replyTo").asString()).isEqualTo(batch.toString());
        assertThat(agent.received().get(0).get("body").get("plays").asInt()).isEqualTo(3);
        assertThat(agent.received().get(1).get("type").asString()).isEqualTo("error");
        assertThat(agent.received().get(1).get("replyTo").asString()).isEqualTo(badBatch.toString());
        assertThat(agent.received().get(1).get("body").get("detail").asString()).contains("/plays/1").contains("outcome");

        var records = TestStack.records("vizora.playback").stream().filter(record -> record.key().equals(display.toString())).toList();
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(new String(record.headers().lastHeader(Envelope.TYPE_HEADER).value(), StandardCharsets.UTF_8)).isEqualTo(PlayReports.REPORT);
            assertThat(EventContract.load().checked(record.headers().lastHeader(EventContract.CHECKED_HEADER).value()))
                    .as("stamped as checked against the contract").isTrue();
        });
        var found = records.stream().map(record -> JSON.readTree(record.value())).toList();
        assertThat(found).singleElement().satisfies(event -> {
            assertThat(event.get("type").asString()).isEqualTo(PlayReports.REPORT);
            assertThat(event.get("tenantid").asString()).isEqualTo(organisation.toString());
            assertThat(event.get("id").asString()).isEqualTo(PlayReports.reportId(display, plays.stream().map(UUID::toString).toList()).toString());
            assertThat(PlayReports.plays(PlayReports.REPORT, null, event.get("data"))).extracting(PlayReports.Play::id).containsExactlyElementsOf(plays);
        });
        var reported = PlayReports.plays(PlayReports.REPORT, null, found.getFirst().get("data"));
        assertThat(reported).allSatisfy(play -> assertThat(play.data().get("displayId").asString()).isEqualTo(display.toString()));
        assertThat(reported).extracting(play -> play.data().get("sequence").asLong()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aFullBatchOfFiveHundredFailedPlaysWithLongErrorsIsTakenInOneMessageAndReachesKafkaInPartsARecordCanHold() throws Exception {
        var organisation = UUID.randomUUID();
        var display = UUID.randomUUID();
        publish(display, organisation, 1);
        var plays = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 1; i <= 500; i++) {
            var failed = new java.util.HashMap<>(play(UUID.randomUUID(), i));
            failed.put("outcome", "failed");
            failed.put("durationMs", 0);
            failed.put("error", Map.of("stage", "download", "detail", "é".repeat(500)));
            plays.add(failed);
        }
        var batch = UUID.randomUUID();
        var message = message(batch, "plays", Map.of("plays", plays));
        assertThat(message.length()).as("well over Reactor Netty's default 64 KiB frame").isGreaterThan(300_000);

        var agent = connect(TestJwks.device(organisation, display), hello(1L), message);

        await().atMost(Duration.ofSeconds(30)).until(() -> !agent.ofType("ack").isEmpty() || agent.closed().get() != null);
        assertThat(agent.closed().get()).isNull();
        assertThat(agent.ofType("ack").getFirst().get("body").get("plays").asInt()).isEqualTo(500);
        var reports = TestStack.records("vizora.playback").stream().filter(record -> record.key().equals(display.toString())).toList();
        assertThat(reports).as("more than a record may hold, so in parts").hasSizeGreaterThan(1)
                .allSatisfy(record -> assertThat(record.value().length).isLessThanOrEqualTo(DeviceEvents.MAX_REPORT_BYTES));
        assertThat(reports.stream().flatMap(record -> {
            var event = JSON.readTree(record.value());
            return PlayReports.plays(PlayReports.REPORT, null, event.get("data")).stream();
        }).map(play -> play.data().get("sequence").asLong())).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 500).boxed().toList());
    }

    @Test
    void anAgentIsToldBeforeItsTokenExpiresAndKeepsItsSocketWithTheRenewedToken() throws Exception {
        var organisation = UUID.randomUUID();
        var display = UUID.randomUUID();
        publish(display, organisation, 1);
        var expiring = TestJwks.device(organisation, display, Duration.ofSeconds(3));
        var agent = connect(expiring, hello(1L));

        await().atMost(Duration.ofSeconds(10)).until(() -> !agent.ofType("token_expiring").isEmpty());
        var expiresAt = java.time.Instant.parse(agent.ofType("token_expiring").getFirst().get("body").get("expiresAt").asString());
        var wrong = UUID.randomUUID();
        agent.send(message(wrong, "token", Map.of("accessToken", TestJwks.device(organisation, UUID.randomUUID()))));
        var renewal = UUID.randomUUID();
        agent.send(message(renewal, "token", Map.of("accessToken", TestJwks.device(organisation, display))));

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.ofType("ack").size() == 1);
        assertThat(agent.ofType("error")).singleElement().satisfies(error -> assertThat(error.get("replyTo").asString()).isEqualTo(wrong.toString()));
        assertThat(agent.ofType("ack").getFirst().get("replyTo").asString()).isEqualTo(renewal.toString());
        assertThat(java.time.Instant.parse(agent.ofType("ack").getFirst().get("body").get("expiresAt").asString())).isAfter(expiresAt);

        await().atMost(Duration.ofSeconds(10)).until(() -> java.time.Instant.now().isAfter(expiresAt.plusSeconds(1)));
        var beat = UUID.randomUUID();
        agent.send(message(beat, "heartbeat", Map.of("screenOn", true)));
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.ofType("ack").size() == 2);
        assertThat(agent.ofType("ack").getLast().get("replyTo").asString()).isEqualTo(beat.toString());
        assertThat(agent.closed().get()).isNull();
    }

    @Test
    void aSocketWhoseTokenExpiresWithoutRenewalIsClosedWith4401() throws Exception {
        var organisation = UUID.randomUUID();
        var display = UUID.randomUUID();
        publish(display, organisation, 1);
        var agent = connect(TestJwks.device(organisation, display, Duration.ofSeconds(2)), hello(1L));

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.closed().get() != null);
        assertThat(agent.ofType("token_expiring")).hasSize(1);
        assertThat(agent.closed().get().getCode()).isEqualTo(4401);
    }

    @Test
    void aRecordOnTheManifestTopicThatIsNotAManifestIsSkippedAndLaterManifestsStillArrive() throws Exception {
        var organisation = UUID.randomUUID();
        var display = UUID.randomUUID();
        publish(display, organisation, 1);
        var agent = connect(TestJwks.device(organisation, display), hello(1L), message(UUID.randomUUID(), "heartbeat", Map.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.ofType("ack").size() == 1);

        PRODUCER.send(new ProducerRecord<>("vizora.manifests", display.toString(), "not json")).get();
        PRODUCER.send(new ProducerRecord<>("vizora.manifests", "not-a-display-id", "{}")).get();
        publish(display, organisation, 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.ofType("manifest").size() == 1);
        assertThat(agent.ofType("manifest").getFirst().get("body").get("version").asLong()).isEqualTo(2);
        assertThat(agent.closed().get()).isNull();
    }
}
