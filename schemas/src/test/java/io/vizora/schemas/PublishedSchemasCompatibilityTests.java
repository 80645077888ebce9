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
    private static final EventContract CONTRACT = EventContract.load();

    static List<Path> publishedRevisions() throws IOException {
        try (Stream<Path> files = Files.walk(PUBLISHED)) {
            return files.filter(file -> file.toString().endsWith(".schema.json")).sorted().toList();
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
        var directory = PUBLISHED.resolve(type);
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
