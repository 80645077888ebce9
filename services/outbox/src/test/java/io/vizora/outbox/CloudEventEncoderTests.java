package io.vizora.outbox;

import io.vizora.schemas.ContractViolationException;
import io.vizora.schemas.EventContract;
import io.vizora.schemas.UnknownEventTypeException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventEncoderTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:30:00Z"), ZoneId.of("Europe/Berlin"));
    private final CloudEventEncoder encoder = new CloudEventEncoder("command-service", EventContract.load(), JsonMapper.shared(), CLOCK);

    @Test
    void anEventBecomesACloudEventWithTheContractsAttributes() {
        var groupId = UUID.randomUUID();
        var encoded = encoder.encode(Events.groupCreated(groupId, "Lobby screens"));
        var json = JsonMapper.shared().readTree(encoded.cloudEvent());

        assertThat(encoded.topic()).isEqualTo("vizora.fleet");
        assertThat(json.path("id").asString()).isEqualTo(encoded.id().toString());
        assertThat(json.path("specversion").asString()).isEqualTo("1.0");
        assertThat(json.path("source").asString()).isEqualTo("/vizora/command-service");
        assertThat(json.path("type").asString()).isEqualTo("vizora.fleet.display_group_created.v1");
        assertThat(json.path("subject").asString()).isEqualTo(groupId.toString());
        assertThat(Instant.parse(json.path("time").asString())).isEqualTo(CLOCK.instant());
        assertThat(json.path("dataschema").asString()).isEqualTo("https://schemas.vizora.io/events/fleet/display_group_created.v1.schema.json");
        assertThat(json.path("tenantid").asString()).isEqualTo(Events.TENANT.toString());
        assertThat(json.path("principal").asString()).isEqualTo(Events.OPERATOR.toString());
        assertThat(json.path("data").path("name").asString()).isEqualTo("Lobby screens");
    }

    @Test
    void everyEventGetsItsOwnId() {
        var event = Events.groupCreated(UUID.randomUUID(), "Lobby screens");

        assertThat(encoder.encode(event).id()).isNotEqualTo(encoder.encode(event).id());
    }

    @Test
    void eventIdsAreTimeOrderedSoEveryIndexOfThemGrowsAtItsEnd() {
        var event = Events.groupCreated(UUID.randomUUID(), "Lobby screens");
        var before = System.currentTimeMillis();

        var id = encoder.encode(event).id();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void dataThatBreaksTheSchemaIsRefused() {
        var displayId = UUID.randomUUID();
        var badZone = new Events.DisplayPaired(displayId, "Window", "Not a zone!", List.of(), List.of());
        var event = new OutboxEvent("vizora.fleet.display_paired.v1", displayId, Events.TENANT, Events.OPERATOR, badZone);

        assertThatThrownBy(() -> encoder.encode(event))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("timeZone");
    }

    @Test
    void aTypeOutsideTheCatalogueIsRefused() {
        var event = new OutboxEvent("vizora.fleet.display_exploded.v1", UUID.randomUUID(), Events.TENANT, Events.OPERATOR, new Object());

        assertThatThrownBy(() -> encoder.encode(event)).isInstanceOf(ContractViolationException.class);
    }
}
