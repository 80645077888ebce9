package io.vizora.agent.device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CredentialStoreTests {

    @TempDir
    Path dir;

    private final Credentials credentials = new Credentials(UUID.randomUUID(), UUID.randomUUID(), "s3cret-device-secret", "eyJ.token",
            Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void credentialsSurviveARestart() throws Exception {
        new CredentialStore(dir.resolve("agent")).save(credentials);

        assertThat(new CredentialStore(dir.resolve("agent")).load()).contains(credentials);
    }

    @Test
    void onlyTheAgentsUserCanReadTheCredentials() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        var store = new CredentialStore(dir.resolve("agent"));
        store.save(credentials);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("agent")))).isEqualTo("rwx------");
    }

    @Test
    void theSecretAndTokenNeverShowInLogs() {
        assertThat(credentials.toString()).doesNotContain("s3cret").doesNotContain("eyJ");
    }

    @Test
    void forgottenCredentialsAreGone() throws Exception {
        var store = new CredentialStore(dir);
        store.save(credentials);
        store.forget();

        assertThat(store.load()).isEmpty();
    }
}
