package io.vizora.device;

import io.vizora.schemas.DeviceContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetCommandTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aCommandReadsBackAsWrittenAndACommandNameItDoesNotKnowStillReads() {
        var command = new FleetCommand(UUID.randomUUID(), "defragment", Instant.parse("2026-12-05T10:00:00Z"), Instant.parse("2026-12-05T11:00:00Z"));

        assertThat(FleetCommand.read(command.text())).isEqualTo(command);
        assertThat(command.expiredAt(Instant.parse("2026-12-05T11:00:00Z"))).isTrue();
        assertThat(command.expiredAt(Instant.parse("2026-12-05T10:59:59Z"))).isFalse();
    }

    private static tools.jackson.databind.JsonNode sample(String type) throws java.io.IOException {
        try (var in = DeviceContract.class.getClassLoader().getResourceAsStream(DeviceContract.sample(type))) {
            return JSON.readTree(in.readAllBytes());
        }
    }

    @Test
    void whatTheGatewayAndTheAgentWriteMeetsTheDeviceContractAndTheGoldenSamplesReadBackAsTheyAre() throws Exception {
        var contract = DeviceContract.load();
        var command = new FleetCommand(UUID.randomUUID(), FleetCommand.RELOAD, Instant.now(), Instant.now().plusSeconds(60));
        var status = CommandStatus.of(UUID.randomUUID(), CommandStatus.State.DONE, "done").withScreenshot(UUID.randomUUID());

        assertThat(contract.messageViolations(MessageTypes.COMMAND, command.json())).isEmpty();
        assertThat(contract.messageViolations(MessageTypes.COMMAND_STATUS, status.json())).isEmpty();
        assertThat(contract.messageViolations(MessageTypes.COMMAND_STATUS, CommandStatus.of(UUID.randomUUID(), CommandStatus.State.DELIVERED, null).json()))
                .isEmpty();
        for (var type : DeviceContract.MESSAGES) {
            assertThat(contract.messageViolations(type, sample(type))).as(type).isEmpty();
        }
        assertThat(FleetCommand.read(sample(MessageTypes.COMMAND)).json()).isEqualTo(sample(MessageTypes.COMMAND));
        assertThat(CommandStatus.read(sample(MessageTypes.COMMAND_STATUS)).json()).isEqualTo(sample(MessageTypes.COMMAND_STATUS));
    }

    @Test
    void aCommandWithoutItsIdIsNotOneAndTheErrorSaysWhatIsMissing() {
        assertThatThrownBy(() -> FleetCommand.read(JSON.readTree("{\"command\":\"reload\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commandId");
    }

    @Test
    void aStatusReadsBackAsWrittenWithItsOptionalPartsAndALongDetailIsCut() {
        var status = CommandStatus.of(UUID.randomUUID(), CommandStatus.State.DONE, "x".repeat(900)).withScreenshot(UUID.randomUUID());

        assertThat(CommandStatus.read(status.json())).isEqualTo(status);
        assertThat(status.detail()).hasSize(CommandStatus.MAX_DETAIL);
        assertThat(status.json().get("state").asString()).isEqualTo("done");
        assertThat(CommandStatus.State.DELIVERED.isFinal()).isFalse();
        assertThatThrownBy(() -> CommandStatus.read(JSON.readTree("{\"commandId\":\"" + UUID.randomUUID() + "\",\"state\":\"exploded\",\"at\":\"2026-12-05T10:00:00Z\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
