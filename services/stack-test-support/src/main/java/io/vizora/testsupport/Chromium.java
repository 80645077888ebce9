package io.vizora.testsupport;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, as a screen's browser would load a page: the page's scripts run
 * (virtual time lets its timers fire), then the DOM they built or a screenshot of what the page
 * shows is returned. {@code make test} installs the package ({@code ops/stack.sh install-browser}).
 */
public final class Chromium {

    private static final Path BINARY = Path.of(TestStack.env("VIZORA_CHROMIUM", "/usr/bin/chromium"));

    private Chromium() {
    }

    /** The page's DOM after its scripts ran for {@code scriptMillis} of virtual time. */
    public static String dom(String url, int scriptMillis) throws IOException, InterruptedException {
        var profile = Files.createTempDirectory("vizora-chromium-");
        try {
            return new String(run(profile, scriptMillis, List.of("--dump-dom", url)), StandardCharsets.UTF_8);
        } finally {
            remove(profile);
        }
    }

    /** What a screen of {@code width} × {@code height} pixels shows of the page after its scripts ran for {@code scriptMillis}. */
    public static BufferedImage screenshot(String url, int scriptMillis, int width, int height) throws IOException, InterruptedException {
        var profile = Files.createTempDirectory("vizora-chromium-");
        try {
            var file = profile.resolve("screen.png");
            run(profile, scriptMillis, List.of("--window-size=" + width + "," + height, "--hide-scrollbars", "--screenshot=" + file, url));
            if (!Files.exists(file)) {
                throw new IOException("chromium took no screenshot of " + url);
            }
            return ImageIO.read(file.toFile());
        } finally {
            remove(profile);
        }
    }

    private static byte[] run(Path profile, int scriptMillis, List<String> what) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--virtual-time-budget=" + scriptMillis));
        command.addAll(what);
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium did not finish loading " + what.getLast());
        }
        return output;
    }

    private static void remove(Path profile) throws IOException {
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
