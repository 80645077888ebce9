package io.vizora.agent.device;

import io.vizora.agent.Json;
import io.vizora.agent.SafeFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The credentials on disk, readable by the agent's user only (0600 in a 0700 directory). */
public final class CredentialStore {

    private final Path file;

    public CredentialStore(Path dataDir) throws IOException {
        this.file = SafeFiles.directory(dataDir).resolve("credentials.json");
    }

    public Optional<Credentials> load() throws IOException {
        return Files.exists(file) ? Optional.of(Json.MAPPER.readValue(file.toFile(), Credentials.class)) : Optional.empty();
    }

    public void save(Credentials credentials) throws IOException {
        SafeFiles.write(file, Json.MAPPER.writeValueAsBytes(credentials));
    }

    /** Forgets the credentials, as after being unpaired. */
    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    public Path file() {
        return file;
    }
}
