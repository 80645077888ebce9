package io.vizora.schemas;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceContractTests {

    private final DeviceContract contract = DeviceContract.load();

    private static ObjectNode sample() {
        return (ObjectNode) JsonMapper.shared().readTree(EventContract.readResource(DeviceContract.MANIFEST_SAMPLE));
    }

    @Test
    void theGoldenManifestMeetsTheContract() {
        assertThat(contract.manifestViolations(sample())).isEmpty();
    }

    @Test
    void aManifestWithoutAVersionOrWithASourceNoScreenKnowsIsRefusedNamingTheField() {
        var withoutVersion = sample();
        withoutVersion.remove("version");
        var unknownSource = sample();
        ((ObjectNode) unknownSource.get("slices").get(0)).put("source", "surprise");

        assertThat(contract.manifestViolations(withoutVersion)).singleElement().asString().contains("version");
        assertThat(contract.manifestViolations(unknownSource)).singleElement().asString().contains("/slices/0/source");
    }

    @Test
    void anItemWhoseDigestIsNotSha256OrWhoseDurationIsZeroIsRefused() {
        var manifest = sample();
        JsonNode item = manifest.get("slices").get(0).get("items").get(0);
        ((ObjectNode) item).put("sha256", "not-a-digest").put("durationMs", 0);

        assertThat(contract.manifestViolations(manifest)).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("/slices/0/items/0/sha256"))
                .anySatisfy(problem -> assertThat(problem).contains("/slices/0/items/0/durationMs"));
    }

    private static ObjectNode message(String type) {
        return (ObjectNode) JsonMapper.shared().readTree(EventContract.readResource(DeviceContract.sample(type)));
    }

    @Test
    void theGoldenSampleOfEveryMessageMeetsTheContractAsTheAgentsThatSendThemToday() {
        for (var type : DeviceContract.MESSAGES) {
            assertThat(contract.messageViolations(type, message(type))).as(type).isEmpty();
        }
        assertThat(contract.violations(message("message"))).isEmpty();
    }

    @Test
    void aHeartbeatOrAPlayIsCheckedAgainstItsEventsSchemaAndABadOneIsRefusedNamingTheField() {
        var heartbeat = message("heartbeat").put("cpuPercent", 140);
        var plays = message("plays");
        ((ObjectNode) plays.get("plays").get(0)).put("outcome", "exploded");
        var manifest = message("manifest");
        ((ObjectNode) manifest.get("manifest")).remove("version");

        assertThat(contract.messageViolations("heartbeat", heartbeat)).singleElement().asString().contains("/cpuPercent");
        assertThat(contract.messageViolations("plays", plays)).singleElement().asString().contains("/plays/0/outcome");
        assertThat(contract.messageViolations("manifest", manifest)).singleElement().asString().contains("/manifest");
        assertThat(contract.messageViolations("plays", message("plays").putArray("plays"))).isNotEmpty();
    }

    @Test
    void aMessageWithoutATypeOrBodyIsNotOne() {
        var message = message("message");
        message.remove("body");

        assertThat(contract.violations(message)).singleElement().asString().contains("body");
    }
}
