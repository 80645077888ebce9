package io.vizora.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The golden sample events in src/main/resources/vizora/samples, one per event type. */
final class GoldenSamples {

    static final Path DIRECTORY = Path.of("src/main/resources/vizora/samples");

    private GoldenSamples() {
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] of(String eventType) {
        try {
            return Files.readAllBytes(DIRECTORY.resolve(eventType + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
