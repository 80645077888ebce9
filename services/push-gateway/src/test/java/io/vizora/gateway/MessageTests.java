package io.vizora.gateway;

import io.vizora.schemas.DeviceContract;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTests {

    private static final JsonMapper JSON = JsonMapper.shared();

    @Test
    void aManifestGoesOutWithItsVersionAndExactlyTheContentTheProjectorStored() throws Exception {
        String manifest;
        try (var in = DeviceContract.class.getClassLoader().getResourceAsStream(DeviceContract.MANIFEST_SAMPLE)) {
            manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var replyTo = UUID.randomUUID();

        var sent = JSON.readTree(Message.manifest(replyTo, manifest).json());

        assertThat(sent.get("type").asString()).isEqualTo("manifest");
        assertThat(sent.get("replyTo").asString()).isEqualTo(replyTo.toString());
        assertThat(sent.get("body").get("manifest")).isEqualTo(JSON.readTree(manifest));
        assertThat(sent.get("body").get("version").asLong()).isEqualTo(JSON.readTree(manifest).get("version").asLong());
    }

    @Test
    void theVersionIsReadWhereverItStandsAmongTheTopLevelProperties() {
        assertThat(Message.versionOf("{\"slices\":[{\"version\":1,\"items\":[]}],\"nested\":{\"version\":2},\"version\":42}")).isEqualTo(42);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{}", "{\"version\":\"7\"}", "{\"version\":7.5}", "{\"version\":7", "{\"version\":7,\"slices\":[}",
            "{\"version\":7} {\"version\":8}", "{\"version\":7,\"slices\":[1,]}", "not json"})
    void textThatIsNotOneManifestObjectWithAWholeVersionIsRefused(String text) {
        assertThatThrownBy(() -> Message.versionOf(text)).isInstanceOfAny(IllegalArgumentException.class, JacksonException.class);
    }
}
