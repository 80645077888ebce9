package io.vizora.schemas;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypeTests {

    @Test
    void aTypeNameNamesItsContextEventVersionAndSchema() {
        var type = EventType.parse("vizora.fleet.display_paired.v2");

        assertThat(type).isEqualTo(new EventType("fleet", "display_paired", 2));
        assertThat(type.name()).isEqualTo("vizora.fleet.display_paired.v2");
        assertThat(type.dataSchemaUri()).isEqualTo("https://schemas.vizora.io/events/fleet/display_paired.v2.schema.json");
    }

    @Test
    void aNameOutsideTheConventionIsRefused() {
        for (var name : new String[] {"fleet.display_paired.v1", "vizora.fleet.DisplayPaired.v1", "vizora.fleet.display_paired", "vizora.fleet.display_paired.v0"}) {
            assertThatThrownBy(() -> EventType.parse(name)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
        }
    }
}
