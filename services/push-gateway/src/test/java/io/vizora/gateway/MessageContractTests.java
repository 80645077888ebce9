package io.vizora.gateway;

import io.vizora.device.FleetCommand;
import io.vizora.schemas.DeviceContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway sends meets the device protocol's schemas, and it reads every golden message an agent sends. */
class MessageContractTests {

    private final DeviceContract contract = DeviceContract.load();

    private static String sample(String type) {
        return resource(DeviceContract.sample(type));
    }

    private static String resource(String path) {
        try (var in = DeviceContract.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyMessageTheGatewaySendsMeetsTheDeviceContract() {
        var manifest = resource(DeviceContract.MANIFEST_SAMPLE);
        var sent = java.util.List.of(Message.manifest(UUID.randomUUID(), manifest), Message.manifest(null, manifest), Message.unpaired(),
                Message.tokenExpiring(Instant.now()), Message.error(null, "unknown message type 'reboot'"),
                Message.command(new FleetCommand(UUID.randomUUID(), FleetCommand.SCREENSHOT, Instant.now(), Instant.now().plusSeconds(60))));

        for (var message : sent) {
            assertThat(contract.violations(JsonMapper.shared().readTree(message.json()))).as(message.type()).isEmpty();
        }
    }

    @Test
    void theGatewayReadsTheGoldenMessageOfAnAgentAsItsTypeAndBody() {
        var message = Message.parse(sample("message"));

        assertThat(message.type()).isEqualTo("hello");
        assertThat(message.body().get("manifestVersion").asLong()).isEqualTo(1764927000000001L);
    }
}
