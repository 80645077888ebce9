package io.vizora.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, as a screen's browser would load a page: the page's scripts run
 * (virtual time lets its timers fire) and the DOM they built is returned. {@code make test}
 * installs the package ({@code ops/stack.sh install-browser}).
 */
public final class Chromium {

    private static final Path BINARY = Path.of(TestStack.env("VIZORA_CHROMIUM", "/usr/bin/chromium"));

    private Chromium() {
    }

    /** The page's DOM after its scripts ran for {@code scriptMillis} of virtual time. */
    public static String dom(String url, int scriptMillis) throws IOException, InterruptedException {
        var profile = Files.createTempDirectory("vizora-chromium-");
        try {
            var process = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--virtual-time-budget=" + scriptMillis, "--dump-dom", url))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            var dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("chromium did not finish loading " + url);
            }
            return dom;
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
