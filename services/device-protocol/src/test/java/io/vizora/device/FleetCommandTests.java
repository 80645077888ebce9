package io.vizora.device;

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
