package io.vizora.schemas.compatibility;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackwardCompatibilityTests {

    private static final String V1 = """
            {"type":"object","additionalProperties":false,"required":["id","name"],
             "properties":{"id":{"type":"string","format":"uuid"},
                           "name":{"type":"string","maxLength":200},
                           "kind":{"type":"string","enum":["image","video"]},
                           "count":{"type":"integer","minimum":0},
                           "tags":{"type":"array","items":{"$ref":"#/$defs/tag"}}},
             "$defs":{"tag":{"type":"string","maxLength":63}}}
            """;

    @Test
    void anUnchangedSchemaIsCompatible() {
        assertThat(breaks(V1, V1)).isEmpty();
    }

    @Test
    void addingAnOptionalPropertyIsCompatible() {
        assertThat(breaks(V1, V1.replace("\"count\":", "\"note\":{\"type\":\"string\"},\"count\":"))).isEmpty();
    }

    @Test
    void makingAPropertyRequiredBreaksOlderEvents() {
        assertThat(breaks(V1, V1.replace("[\"id\",\"name\"]", "[\"id\",\"name\",\"kind\"]")))
                .containsExactly("$.kind: newly required; older events lack it");
    }

    @Test
    void removingAPropertyOfAClosedObjectBreaksOlderEvents() {
        assertThat(breaks(V1, V1.replace("\"kind\":{\"type\":\"string\",\"enum\":[\"image\",\"video\"]},", "")))
                .containsExactly("$.kind: removed, but older events carry it");
    }

    @Test
    void wideningAnEnumIsCompatibleAndNarrowingItIsNot() {
        assertThat(breaks(V1, V1.replace("[\"image\",\"video\"]", "[\"image\",\"video\",\"web\"]"))).isEmpty();
        assertThat(breaks(V1, V1.replace("[\"image\",\"video\"]", "[\"image\"]")))
                .containsExactly("$.kind: no longer accepts \"video\"");
    }

    @Test
    void looseningABoundIsCompatibleAndTighteningItIsNot() {
        assertThat(breaks(V1, V1.replace("\"maxLength\":200", "\"maxLength\":400"))).isEmpty();
        assertThat(breaks(V1, V1.replace("\"maxLength\":200", "\"maxLength\":100")))
                .containsExactly("$.name: maxLength lowered to 100");
        assertThat(breaks(V1, V1.replace("\"minimum\":0", "\"minimum\":1")))
                .containsExactly("$.count: minimum raised to 1");
    }

    @Test
    void changingATypeBreaksButIntegerMayWidenToNumber() {
        assertThat(breaks(V1, V1.replace("\"type\":\"integer\"", "\"type\":\"number\""))).isEmpty();
        assertThat(breaks(V1, V1.replace("\"type\":\"integer\"", "\"type\":\"string\"")))
                .containsExactly("$.count: no longer accepts type integer");
    }

    @Test
    void changesBehindALocalRefAreFound() {
        assertThat(breaks(V1, V1.replace("\"maxLength\":63", "\"maxLength\":10")))
                .containsExactly("$.tags[]: maxLength lowered to 10");
    }

    @Test
    void aNewPatternOrFormatCannotBeProvenCompatible() {
        assertThat(breaks(V1, V1.replace("\"format\":\"uuid\"", "\"format\":\"uri\"")))
                .containsExactly("$.id: format changed to \"uri\"");
    }

    @Test
    void closingAnOpenObjectBreaksOlderEvents() {
        assertThat(breaks(V1.replace("\"additionalProperties\":false,", ""), V1))
                .containsExactly("$: no longer accepts additional properties");
    }

    @Test
    void aRemoteRefIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> breaks(V1, V1.replace("#/$defs/tag", "other.json#/tag")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other.json");
    }

    private static java.util.List<String> breaks(String previous, String next) {
        return BackwardCompatibility.breaks(json(previous), json(next));
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
