package io.vizora.schemas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractTests {

    private static final EventContract CONTRACT = EventContract.load();
    private static final String SAMPLE_TYPE = "vizora.fleet.display_paired.v1";

    static List<Path> goldenSamples() {
        return GoldenSamples.all();
    }

    @ParameterizedTest
    @MethodSource("goldenSamples")
    void everyGoldenSampleMatchesTheContract(Path sample) throws Exception {
        assertThat(CONTRACT.violations(Files.readAllBytes(sample))).isEmpty();
    }

    @Test
    void everyEventTypeOfTheCatalogueHasAGoldenSampleNamedAfterIt() {
        var sampled = GoldenSamples.all().stream()
                .map(path -> path.getFileName().toString().replace(".json", "")).toList();

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(CONTRACT.catalogue().eventTypes());
    }

    @Test
    void everyLoadOfTheSameSchemasHasTheSameStampAndTakesOnlyThatStampAsChecked() {
        var stamp = CONTRACT.stamp();

        assertThat(EventContract.load().stamp()).isEqualTo(stamp).startsWith("sha256:");
        assertThat(CONTRACT.checked(stamp.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isTrue();
        assertThat(CONTRACT.checked(null)).isFalse();
        assertThat(CONTRACT.checked("sha256:0".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void aChangeToAnySchemaOrTypeChangesTheStamp() {
        var schemas = new java.util.TreeMap<>(java.util.Map.of("vizora.a.b.v1", "{\"type\":\"object\"}", "vizora.a.c.v1", "{}"));
        var stamp = EventContract.stamp("{}", schemas);

        assertThat(EventContract.stamp("{}", new java.util.TreeMap<>(schemas))).isEqualTo(stamp);
        assertThat(EventContract.stamp("{ }", schemas)).as("the envelope's schema").isNotEqualTo(stamp);
        var changed = new java.util.TreeMap<>(schemas);
        changed.put("vizora.a.c.v1", "{\"type\":\"string\"}");
        assertThat(EventContract.stamp("{}", changed)).as("a type's schema").isNotEqualTo(stamp);
        var renamed = new java.util.TreeMap<>(java.util.Map.of("vizora.a.b.v2", "{\"type\":\"object\"}", "vizora.a.c.v1", "{}"));
        assertThat(EventContract.stamp("{}", renamed)).as("a type's name").isNotEqualTo(stamp);
    }

    @Test
    void missingRequiredDataIsAViolation() {
        assertThat(violationsAfter(event -> ((ObjectNode) event.get("data")).remove("timeZone")))
                .anySatisfy(problem -> assertThat(problem).startsWith("data:").contains("timeZone"));
    }

    @Test
    void anUnknownDataPropertyIsAViolation() {
        assertThat(violationsAfter(event -> ((ObjectNode) event.get("data")).put("colour", "red")))
                .anySatisfy(problem -> assertThat(problem).startsWith("data:").contains("colour"));
    }

    @Test
    void aTenantIdThatIsNotAUuidIsAViolation() {
        assertThat(violationsAfter(event -> event.put("tenantid", "acme")))
                .anySatisfy(problem -> assertThat(problem).startsWith("envelope:").contains("tenantid"));
    }

    @Test
    void anEventWithoutPrincipalIsAViolation() {
        assertThat(violationsAfter(event -> event.remove("principal")))
                .anySatisfy(problem -> assertThat(problem).contains("principal"));
    }

    @Test
    void aTypeOutsideTheCatalogueIsAViolation() {
        assertThat(violationsAfter(event -> event.put("type", "vizora.fleet.display_exploded.v1")))
                .contains("type 'vizora.fleet.display_exploded.v1' is not in the topic catalogue");
    }

    @Test
    void aDataSchemaOtherThanTheTypesIsAViolation() {
        assertThat(violationsAfter(event -> event.put("dataschema", "https://example.com/x.json")))
                .contains("dataschema must be https://schemas.vizora.io/events/fleet/display_paired.v1.schema.json");
    }

    @Test
    void bytesThatAreNotJsonAreAViolation() {
        assertThat(CONTRACT.violations("{not json".getBytes())).singleElement().asString().startsWith("not JSON");
    }

    @Test
    void requireValidNamesTheTypeAndEveryProblem() {
        var invalid = mutated(event -> ((ObjectNode) event.get("data")).remove("name"));

        assertThatThrownBy(() -> CONTRACT.requireValid(invalid))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining(SAMPLE_TYPE)
                .hasMessageContaining("name");
    }

    private static List<String> violationsAfter(Consumer<ObjectNode> change) {
        return CONTRACT.violations(mutated(change));
    }

    private static byte[] mutated(Consumer<ObjectNode> change) {
        var event = (ObjectNode) JsonMapper.shared().readTree(GoldenSamples.of(SAMPLE_TYPE));
        change.accept(event);
        return JsonMapper.shared().writeValueAsBytes(event);
    }
}
