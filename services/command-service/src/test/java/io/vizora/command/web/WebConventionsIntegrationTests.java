package io.vizora.command.web;

import io.vizora.command.CommandServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIntegrationTest
class WebConventionsIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Environment environment;

    @Test
    void aRouteThatNeedsAuthenticationAnswers401AsAProblemDetail() {
        http.get().uri("/api/v1/displays").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.requestId").exists();
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        http.get().uri("/actuator/health").exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().exists("Cache-Control");
    }

    @Test
    void aSaneRequestIdIsEchoedAndAnInsaneOneReplaced() {
        http.get().uri("/actuator/health").header(RequestIdFilter.HEADER, "abc-123").exchange()
                .expectHeader().valueEquals(RequestIdFilter.HEADER, "abc-123");
        http.get().uri("/actuator/health").header(RequestIdFilter.HEADER, "<script>" + "x".repeat(100)).exchange()
                .expectHeader().valueMatches(RequestIdFilter.HEADER, "[0-9a-f-]{36}");
    }

    @Test
    void theOpenApiDescriptionListsTheOperatorApi() {
        var document = http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(document).contains("/api/v1/organisations");
    }

    @Test
    void largeResponsesAreCompressedForClientsThatAcceptGzip() throws Exception {
        // a plain client: the test client decompresses and drops the header it would need to show
        var client = HttpClient.newHttpClient();
        var uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + "/actuator/prometheus");
        var gzip = client.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        var plain = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.body().length).isLessThan(plain.body().length / 3);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void metricsAreExposedForPrometheus() {
        http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).contains("jvm_memory_used_bytes"));
    }
}
