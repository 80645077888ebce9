package io.vizora.agent;

import io.vizora.testsupport.ServiceProcess;
import io.vizora.testsupport.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker's fuzzer run against the HTTP services as they run in production (packaged jars on
 * the test stack): every operation of every OpenAPI document, sent hostile inputs as no one and as
 * an organisation's owner ({@link OpenApiFuzzer}). No 5xx, no error that is not a problem detail,
 * no exception or stack frame in any body. Address limits are lifted: all requests come from one.
 */
class ApiFuzzIntegrationTests {

    private static final int MAX_REQUESTS = 12_000;
    private static final Duration MAX_TIME = Duration.ofMinutes(3);
    private static final String[] UNLIMITED = {"--vizora.web.rate-limit.per-address.capacity=100000000",
            "--vizora.web.rate-limit.authentication-per-address.capacity=100000000", "--vizora.web.rate-limit.per-user.capacity=100000000"};

    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess commandService;

    @BeforeAll
    static void start() throws IOException {
        var root = TestStack.repositoryRoot().resolve("services");
        commandService = ServiceProcess.start(root.resolve("command-service/target/command-service.jar"), "fuzz-command-service", 0, UNLIMITED);
        services.add(commandService);
        var jwks = "--vizora.tokens.jwks-uri=" + commandService.url("/.well-known/jwks.json");
        for (var name : List.of("projector", "partner-streams")) {
            var arguments = new ArrayList<>(List.of(UNLIMITED));
            arguments.add(jwks);
            if (name.equals("projector")) {
                arguments.add("--vizora.projector.generation=fuzz-" + UUID.randomUUID());
            }
            services.add(ServiceProcess.start(root.resolve(name + "/target/" + name + ".jar"), "fuzz-" + name, 0, arguments.toArray(String[]::new)));
        }
        services.forEach(ServiceProcess::awaitUp);
    }

    @AfterAll
    static void stop() throws Exception {
        for (var service : services) {
            service.close();
        }
    }

    @Test
    void noInputToAnyOperationOfAnyServiceIsAnsweredWithA5xxAStackTraceOrAnErrorThatIsNotAProblemDetail() throws Exception {
        var owner = ownerToken();
        var fuzzer = new OpenApiFuzzer(VizoraSystem.HTTP, MAX_REQUESTS, MAX_TIME);
        var deadline = fuzzer.deadline();
        var started = System.nanoTime();
        for (var service : services) {
            var document = Json.MAPPER.readTree(service.get("/v3/api-docs"));
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
        new OperatorApi(URI.create(commandService.url("")), VizoraSystem.HTTP).signUp("Fuzz " + UUID.randomUUID(), email, password);
        var login = VizoraSystem.HTTP.send(HttpRequest.newBuilder(URI.create(commandService.url("/api/v1/auth/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of("email", email, "password", password)))).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(login.body()).get("accessToken").asString();
    }
}
