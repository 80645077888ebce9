package io.vizora.schemas;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PublicEventsTests {

    private static final PublicEvents PUBLIC = PublicEvents.load();

    @Test
    void everyPublicTypeIsAnEventTypeOfTheCatalogue() {
        assertThat(TopicCatalogue.load().eventTypes()).containsAll(PUBLIC.types());
    }

    @Test
    void identityEventsAndHeartbeatsNeverLeaveVizora() {
        assertThat(PUBLIC.types()).noneMatch(type -> type.startsWith("vizora.identity."))
                .doesNotContain("vizora.presence.heartbeat.v1");
    }

    @Test
    void aPublishedVersionOfTheSubsetOnlyGrows() throws IOException {
        var published = JsonMapper.shared().readValue(
                Files.readString(Path.of("published/public-events/" + PUBLIC.version() + ".json")), PublicEvents.class);
        assertThat(PUBLIC.version()).isEqualTo(published.version());
        assertThat(PUBLIC.types()).as("types published in version " + published.version()).containsAll(published.types());
    }
}
