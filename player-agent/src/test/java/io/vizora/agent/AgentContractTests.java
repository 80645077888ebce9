package io.vizora.agent;

import io.vizora.agent.journal.Play;
import io.vizora.device.FleetCommand;
import io.vizora.schemas.DeviceContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the agent sends meets the device protocol's schemas, which the gateway checks too; and it reads the golden command. */
class AgentContractTests {

    private final DeviceContract contract = DeviceContract.load();

    @Test
    void theAgentsHeartbeatAndPlaysMeetTheDeviceContract(@TempDir Path dir) throws Exception {
        var options = new AgentOptions(dir, URI.create("http://127.0.0.1:9"), URI.create("ws://127.0.0.1:9"), URI.create("http://127.0.0.1:9"),
                Duration.ofSeconds(5), 50, new io.vizora.agent.link.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)), Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofMinutes(1), null);
        try (var client = HttpClient.newHttpClient(); var agent = new Agent(options, client)) {
            assertThat(contract.messageViolations("heartbeat", agent.heartbeat())).isEmpty();
        }
        var completed = new Play(UUID.randomUUID(), 1, UUID.randomUUID(), UUID.randomUUID(), Instant.now(), 7L, Instant.now(), 10_000,
                Play.Outcome.completed, true, null);
        var failed = new Play(UUID.randomUUID(), 2, UUID.randomUUID(), null, null, null, Instant.now(), 0, Play.Outcome.failed, null,
                new Play.Failure("download", "HTTP 404"));
        assertThat(contract.messageViolations("plays", Agent.plays(List.of(completed, failed)))).isEmpty();
    }

    @Test
    void theAgentReadsTheGoldenCommand() throws Exception {
        try (var in = DeviceContract.class.getClassLoader().getResourceAsStream(DeviceContract.sample("command"))) {
            var command = FleetCommand.read(Json.MAPPER.readTree(in));
            assertThat(command.command()).isEqualTo(FleetCommand.SCREENSHOT);
        }
    }
}
