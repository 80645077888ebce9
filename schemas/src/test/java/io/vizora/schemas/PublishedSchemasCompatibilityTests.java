package io.vizora.schemas;

import io.vizora.schemas.compatibility.BackwardCompatibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every revision of a schema that was ever published (schemas/published/TYPE/N.schema.json) must
 * still be readable with today's schema: replays read every old event (backward-transitive).
 */
class PublishedSchemasCompatibilityTests {

    private static final Path PUBLISHED = Path.of("published");
    private static final Path DEVICE = PUBLISHED.resolve("device");
    private static final EventContract CONTRACT = EventContract.load();

    static List<Path> publishedRevisions() throws IOException {
        return revisions(PUBLISHED).stream().filter(file -> !file.startsWith(DEVICE)).toList();
    }

    static List<Path> publishedDeviceRevisions() throws IOException {
        return revisions(DEVICE);
    }

    private static List<Path> revisions(Path under) throws IOException {
        try (Stream<Path> files = Files.walk(under)) {
            return files.filter(file -> file.toString().endsWith(".schema.json")).sorted().toList();
        }
    }

    /**
     * The device protocol's schemas too: a gateway must take what agents of every earlier revision
     * send. (What the gateway sends, agents read ignoring what they do not know.)
     */
    @ParameterizedTest
    @MethodSource("publishedDeviceRevisions")
    void todaysDeviceSchemaAcceptsEveryDocumentAPublishedRevisionAccepted(Path revision) throws IOException {
        var name = revision.getParent().getFileName().toString();
        var current = DeviceContract.schemas().get(name);

        assertThat(current).as("%s was published, so agents may still send it", name).isNotNull();
        assertThat(BackwardCompatibility.breaks(read(revision), JsonMapper.shared().readTree(EventContract.readResource(current))))
                .as("changes to %s that break documents written under %s", name, revision).isEmpty();
    }

    @Test
    void everyDeviceSchemaIsPublishedAsItIsNow() throws IOException {
        for (var schema : DeviceContract.schemas().entrySet()) {
            var latest = latest(DEVICE.resolve(schema.getKey()));
            assertThat(latest).as("%s has no published revision: run ops/schemas-publish.sh", schema.getKey()).isNotNull();
            assertThat(read(latest)).as("%s changed since %s: run ops/schemas-publish.sh", schema.getKey(), latest)
                    .isEqualTo(JsonMapper.shared().readTree(EventContract.readResource(schema.getValue())));
        }
    }

    @ParameterizedTest
    @MethodSource("publishedRevisions")
    void todaysSchemaAcceptsEveryEventAPublishedRevisionAccepted(Path revision) throws IOException {
        var type = revision.getParent().getFileName().toString();

        assertThat(CONTRACT.catalogue().topicOf(type))
                .as("%s was published, so it must stay in the catalogue for replays", type).isPresent();
        assertThat(BackwardCompatibility.breaks(read(revision), CONTRACT.dataSchema(type)))
                .as("changes to %s that break events written under %s", type, revision).isEmpty();
    }

    @Test
    void everySchemaInTheCatalogueIsPublishedAsItIsNow() throws IOException {
        for (var type : CONTRACT.catalogue().eventTypes()) {
            var latest = latestRevision(type);
            assertThat(latest).as("%s has no published revision: run ops/schemas-publish.sh", type).isNotNull();
            assertThat(read(latest)).as("%s changed since %s: run ops/schemas-publish.sh", type, latest)
                    .isEqualTo(CONTRACT.dataSchema(type));
        }
    }

    private static Path latestRevision(String type) throws IOException {
        return latest(PUBLISHED.resolve(type));
    }

    private static Path latest(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return null;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.max(Comparator.comparingInt(PublishedSchemasCompatibilityTests::revisionNumber)).orElse(null);
        }
    }

    private static int revisionNumber(Path file) {
        return Integer.parseInt(file.getFileName().toString().replace(".schema.json", ""));
    }

    private static JsonNode read(Path file) throws IOException {
        return JsonMapper.shared().readTree(Files.readString(file));
    }
}
