package io.vizora.agent.timeline;

import io.vizora.agent.Json;
import io.vizora.agent.SafeFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The last good manifest on disk, so a screen that restarts without a network plays on. */
public final class ManifestStore {

    private final Path file;

    public ManifestStore(Path dataDir) throws IOException {
        this.file = SafeFiles.directory(dataDir).resolve("manifest.json");
    }

    public Optional<Manifest> load() {
        try {
            return Files.exists(file) ? Optional.of(Manifest.parse(Json.MAPPER.readTree(file.toFile()))) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public void save(Manifest manifest) throws IOException {
        SafeFiles.write(file, Json.MAPPER.writeValueAsBytes(manifest.document()));
    }

    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }
}
