package io.vizora.command.web;

import io.vizora.platform.edge.RequestIdFilter;

import io.vizora.command.CommandServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIntegrationTest
class WebConventionsIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Environment environment;

    @Autowired
    BuildProperties build;

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
        apiDocs().jsonPath("$.paths['/api/v1/organisations']").exists();
    }

    @Test
    void theOpenApiDescriptionIsTitledAndVersionedByTheBuild() {
        apiDocs()
                .jsonPath("$.info.title").isEqualTo("Vizora operator API")
                .jsonPath("$.info.version").isEqualTo(build.getVersion())
                .jsonPath("$.info.version").value(version -> assertThat((String) version).matches("\\d+\\.\\d+\\.\\d+.*"))
                .jsonPath("$.info.description").value(description -> assertThat((String) description).contains("/api/v1/auth/login"));
    }

    @Test
    void swaggerUiCanAuthorizeOperatorsApiKeysAndDevicesWhereEachIsTaken() {
        apiDocs()
                .jsonPath("$.components.securitySchemes.operator.type").isEqualTo("http")
                .jsonPath("$.components.securitySchemes.operator.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.operator.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.components.securitySchemes.apiKey.type").isEqualTo("apiKey")
                .jsonPath("$.components.securitySchemes.apiKey.in").isEqualTo("header")
                .jsonPath("$.components.securitySchemes.apiKey.name").isEqualTo("Authorization")
                .jsonPath("$.components.securitySchemes.device.scheme").isEqualTo("bearer")
                .jsonPath("$.security[0].operator").exists()
                .jsonPath("$.paths['/api/v1/displays'].get.security").doesNotExist()
                .jsonPath("$.paths['/api/v1/me'].get.security[*]").value(requirements ->
                        assertThat(requirements.toString()).contains("operator").contains("apiKey"))
                .jsonPath("$.paths['/device/v1/display'].get.security[0].device").exists();
    }

    @Test
    void theOpenApiDescriptionDemandsNoCredentialsWhereTheSecurityChainDemandsNone() {
        var document = apiDocs();
        for (var open : List.of("/api/v1/organisations", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout",
                "/api/v1/invitations/accept", "/device/v1/pairings", "/device/v1/pairings/{pairingId}", "/device/v1/token")) {
            document.jsonPath("$.paths['" + open + "'].post.security").value(security -> assertThat((List<?>) security).as(open).isEmpty());
        }
        document.jsonPath("$.paths['/.well-known/jwks.json'].get.security").value(security -> assertThat((List<?>) security).isEmpty());
    }

    @Test
    void theStreamedUploadIsDescribedAsABinaryBodyNotAsDataBuffers() {
        apiDocs()
                .jsonPath("$.paths['/api/v1/content'].post.requestBody.required").isEqualTo(true)
                .jsonPath("$.paths['/api/v1/content'].post.requestBody.content.length()").isEqualTo(1)
                .jsonPath("$.paths['/api/v1/content'].post.requestBody.content['application/octet-stream'].schema.type").isEqualTo("string")
                .jsonPath("$.paths['/api/v1/content'].post.requestBody.content['application/octet-stream'].schema.format").isEqualTo("binary")
                .jsonPath("$.components.schemas.DataBuffer").doesNotExist();
    }

    /** The first request builds the document from every controller, which takes seconds on a busy machine. */
    private WebTestClient.BodyContentSpec apiDocs() {
        return http.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody();
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
                .expectBody(String.class).value(text -> assertThat(text).contains("jvm_memory_used_bytes",
                        "vizora_api_commands_running", "vizora_api_commands_waiting"));
    }

    /** The console's client and types are generated from openapi/command-service.json: it must be this service's document. */
    @Test
    void theOpenApiDocumentIsTheOneTheConsoleIsBuiltFrom() {
        var live = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(io.vizora.testsupport.OpenApiSnapshot.differences("command-service", live)).isNull();
    }
}
