package io.vizora.agent;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker's fuzzer run against the HTTP services as they run in production (packaged jars on
 * the test stack, {@link VizoraSystem}): every operation of every OpenAPI document, sent hostile
 * inputs as no one and as an organisation's owner ({@link OpenApiFuzzer}). No 5xx, no error that is
 * not a problem detail, no exception or stack frame in any body.
 */
@ExtendWith(VizoraSystem.Shared.class)
class ApiFuzzIntegrationTests {

    private static final int MAX_REQUESTS = 12_000;
    private static final Duration MAX_TIME = Duration.ofMinutes(3);
    private static VizoraSystem system;

    @BeforeAll
    static void system() {
        system = VizoraSystem.shared();
    }

    @Test
    void noInputToAnyOperationOfAnyServiceIsAnsweredWithA5xxAStackTraceOrAnErrorThatIsNotAProblemDetail() throws Exception {
        var owner = ownerToken();
        var fuzzer = new OpenApiFuzzer(VizoraSystem.HTTP, MAX_REQUESTS, MAX_TIME);
        var deadline = fuzzer.deadline();
        var started = System.nanoTime();
        for (var service : List.of(system.commandService, system.projector, system.partnerStreams)) {
            var document = Json.MAPPER.readTree(service.read("/v3/api-docs"));
            assertThat(document.path("paths").size()).as("operations of %s", service.url("")).isPositive();
            fuzzer.fuzz(service.url(""), URI.create(service.url("")), document, owner, deadline);
        }
        System.out.printf("fuzzer: %d requests in %d ms, %d findings%n", fuzzer.sent(), (System.nanoTime() - started) / 1_000_000,
                fuzzer.findings().size());
        assertThat(fuzzer.sent()).isGreaterThan(1_000);
        assertThat(fuzzer.findings()).as("answers that are 5xx, not problem details, or name our internals").isEmpty();
    }

    private static String ownerToken() throws IOException, InterruptedException {
        var email = "fuzz-" + UUID.randomUUID() + "@example.org";
        var password = "correct horse battery " + UUID.randomUUID();
        new OperatorApi(URI.create(system.commandService.url("")), VizoraSystem.HTTP).signUp("Fuzz " + UUID.randomUUID(), email, password);
        var login = VizoraSystem.HTTP.send(HttpRequest.newBuilder(URI.create(system.commandService.url("/api/v1/auth/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of("email", email, "password", password)))).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(login.body()).get("accessToken").asString();
    }
}
