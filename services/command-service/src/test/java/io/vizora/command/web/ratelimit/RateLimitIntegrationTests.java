package io.vizora.command.web.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import io.vizora.testsupport.WholeBodies;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vizora.web.rate-limit.authentication-per-address.capacity=5",
        "vizora.web.rate-limit.per-user.capacity=3",
        // the edge of these tests runs on 127.0.0.1; every other loopback address is a client of its own
        "vizora.web.rate-limit.trusted-proxies=127.0.0.1"})
class RateLimitIntegrationTests {

    @Value("${local.server.port}")
    int port;

    /** A client from an address of its own on the loopback network, so its buckets are its own. */
    private WebTestClient clientFromNewAddress() {
        var random = ThreadLocalRandom.current();
        return clientFrom("127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255));
    }

    private static String someAddress() {
        var random = ThreadLocalRandom.current();
        return "10." + random.nextInt(0, 256) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    private WebTestClient clientFrom(String address) {
        var http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
        var client = WebTestClient.bindToServer(new ReactorClientHttpConnector(http)).baseUrl("http://127.0.0.1:" + port);
        new WholeBodies().customize(client);
        return client.build();
    }

    private static Map<String, String> wrongLogin() {
        return Map.of("email", "someone@example.org", "password", "a guess that is wrong");
    }

    @Test
    void passwordGuessingFromOneAddressIsRefusedAfterTheLimitWhileOthersGoOn() {
        var guesser = clientFromNewAddress();
        for (int i = 0; i < 5; i++) {
            guesser.post().uri("/api/v1/auth/login").bodyValue(wrongLogin()).exchange().expectStatus().isUnauthorized();
        }

        guesser.post().uri("/api/v1/auth/login").bodyValue(wrongLogin()).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After");
        clientFromNewAddress().post().uri("/api/v1/auth/login").bodyValue(wrongLogin()).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void noSpellingOfAnAuthenticationRouteEscapesItsLimit() {
        var guesser = clientFromNewAddress();
        // percent-encoded letters: the router takes each of these to the log-in
        var spellings = new String[] {"/api/v1/auth/%6Cogin", "/api/v1/auth/%6c%6fgin", "/api/%761/auth/login", "/api/v1/%61uth/login",
                "/api/v1/auth/login"};
        for (var spelling : spellings) {
            guesser.post().uri(java.net.URI.create("http://127.0.0.1:" + port + spelling)).bodyValue(wrongLogin()).exchange()
                    .expectStatus().isUnauthorized();
        }

        guesser.post().uri(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/auth/%6Cogin")).bodyValue(wrongLogin()).exchange()
                .expectStatus().isEqualTo(429);
    }

    @Test
    void aScreenAsksForPairingCodesOnlySoOftenFromOneAddress() {
        var screen = clientFromNewAddress();
        for (int i = 0; i < 5; i++) {
            screen.post().uri("/device/v1/pairings").exchange().expectStatus().isCreated();
        }

        screen.post().uri("/device/v1/pairings").exchange().expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        clientFromNewAddress().post().uri("/device/v1/pairings").exchange().expectStatus().isCreated();
    }

    @Test
    void aUserIsLimitedWhicheverAddressTheRequestsComeFrom() {
        var email = "owner-" + UUID.randomUUID() + "@example.org";
        var password = "correct horse battery staple";
        clientFromNewAddress().post().uri("/api/v1/organisations").bodyValue(Map.of("organisationName", "Acme", "ownerEmail", email,
                "ownerName", "Ada", "password", password)).exchange().expectStatus().isCreated();
        var token = clientFromNewAddress().post().uri("/api/v1/auth/login").bodyValue(Map.of("email", email, "password", password))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("accessToken");

        for (int i = 0; i < 3; i++) {
            clientFromNewAddress().get().uri("/api/v1/me").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();
        }
        clientFromNewAddress().get().uri("/api/v1/me").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isEqualTo(429);
    }

    private static WebTestClient.ResponseSpec logIn(WebTestClient client, String forwardedFor) {
        return client.post().uri("/api/v1/auth/login").header("X-Forwarded-For", forwardedFor).bodyValue(wrongLogin()).exchange();
    }

    /** Before, every client behind the edge shared the edge's address, and so its limits. */
    @Test
    void behindTheEdgeEachClientIsLimitedByItsOwnAddressAndNoOneElseCanClaimOne() {
        var edge = clientFrom("127.0.0.1");
        var client = someAddress();
        for (int i = 0; i < 5; i++) {
            logIn(edge, client).expectStatus().isUnauthorized();
        }
        logIn(edge, client).expectStatus().isEqualTo(429);
        // another client behind the edge; what a client put before the edge's entry proves nothing
        logIn(edge, client + ", " + someAddress()).expectStatus().isUnauthorized();

        var guesser = clientFromNewAddress();
        for (int i = 0; i < 5; i++) {
            logIn(guesser, someAddress()).expectStatus().isUnauthorized();
        }
        logIn(guesser, someAddress()).expectStatus().isEqualTo(429);
    }
}
