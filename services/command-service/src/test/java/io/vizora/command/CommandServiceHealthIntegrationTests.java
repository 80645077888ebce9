package io.vizora.command;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@CommandServiceIntegrationTest
class CommandServiceHealthIntegrationTests {

    @Autowired
    WebTestClient http;

    @Test
    void healthReportsEveryServerTheServiceUsesAsUp() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP")
                .jsonPath("$.components.objectStore.status").isEqualTo("UP")
                .jsonPath("$.components.objectStore.details.bucket").isEqualTo(System.getenv().getOrDefault("VIZORA_S3_BUCKET", "vizora-content"));
    }

    @Test
    void healthSaysThatAccessTokensAreCheckedAgainstTheRevocationsMirroredInMemory() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                http.get().uri("/actuator/health").exchange()
                        .expectBody()
                        .jsonPath("$.components.accessRevocations.status").isEqualTo("UP")
                        .jsonPath("$.components.accessRevocations.details.checked").isEqualTo("in memory"));
    }

    @Test
    void healthNeverShowsCredentials() {
        var body = http.get().uri("/actuator/health").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        org.assertj.core.api.Assertions.assertThat(body)
                .doesNotContain(System.getenv().getOrDefault("VIZORA_POSTGRES_PASSWORD", "<unset>"))
                .doesNotContain(System.getenv().getOrDefault("VIZORA_S3_SECRET_KEY", "<unset>"));
    }
}
