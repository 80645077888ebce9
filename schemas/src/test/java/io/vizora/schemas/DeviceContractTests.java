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
}
