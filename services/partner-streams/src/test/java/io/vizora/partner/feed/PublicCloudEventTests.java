package io.vizora.partner.feed;

import io.vizora.consumer.ConsumedEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PublicCloudEventTests {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void partnersGetTheEventWithItsPositionButNotWhoDidIt() {
        var id = UUID.randomUUID();
        var tenant = UUID.randomUUID();
        var data = JSON.readTree("{\"displayId\":\"d-1\",\"name\":\"Lobby\"}");
        var event = new ConsumedEvent(id, "vizora.fleet.display_updated.v1", "d-1", tenant, "user:" + UUID.randomUUID(),
                Instant.parse("2026-11-26T10:00:00Z"), data, "vizora.fleet", 3, 99);

        var json = JSON.readTree(PublicCloudEvent.lines(List.of(event), 42).bytes());

        assertThat(json.path("specversion").asString()).isEqualTo("1.0");
        assertThat(json.path("id").asString()).isEqualTo(id.toString());
        assertThat(json.path("type").asString()).isEqualTo("vizora.fleet.display_updated.v1");
        assertThat(json.path("subject").asString()).isEqualTo("d-1");
        assertThat(json.path("time").asString()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(json.path("tenantid").asString()).isEqualTo(tenant.toString());
        assertThat(json.path("position").asLong()).isEqualTo(42);
        assertThat(json.path("dataschema").asString()).isEqualTo("https://schemas.vizora.io/events/fleet/display_updated.v1.schema.json");
        assertThat(json.path("data")).isEqualTo(data);
        assertThat(json.has("principal")).isFalse();
    }

    @Test
    void eachPublicEventOfARunIsOneLineAtItsPositionEvenWhenItsDataHoldsLineBreaks() {
        var names = List.of("Lobby\nnorth\r\nwing", "Zürich – 東京", "Hall");
        var events = names.stream().map(name -> new ConsumedEvent(UUID.randomUUID(), "vizora.fleet.display_updated.v1", "d-1", UUID.randomUUID(),
                "user:x", Instant.parse("2026-11-26T10:00:00Z"), JSON.createObjectNode().put("displayId", "d-1").put("name", name),
                "vizora.fleet", 3, 99)).toList();

        var lines = PublicCloudEvent.lines(events, 42).toString().split("\n", -1);

        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line).doesNotContain("\r"));
        assertThat(lines).extracting(line -> JSON.readTree(line).path("position").asLong()).containsExactly(42L, 43L, 44L);
        assertThat(lines).extracting(line -> JSON.readTree(line).path("data").path("name").asString()).containsExactlyElementsOf(names);
    }
}
