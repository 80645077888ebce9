package io.vizora.agent.cache;

import io.vizora.agent.SafeFiles;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Content on the screen's own disk, one file per SHA-256 digest, so the same file in two playlists
 * is stored once and a file is trusted only when its bytes hash to the digest the manifest names.
 * Downloads go to {@code <digest>.part} and resume from its length with a Range request after an
 * interruption, a download that stalls included (nothing arriving for {@code stallAfter}: the HTTP
 * client's timeout ends with the headers, and a body that stops would hold the download for good);
 * what no manifest needs any more is evicted.
 */
public final class ContentCache {

    /** Why a file is not in the cache: the stage that failed and what happened. */
    public static final class FetchFailed extends IOException {

        private final String stage;

        public FetchFailed(String stage, String message) {
            super(message);
            this.stage = stage;
        }

        public String stage() {
            return stage;
        }
    }

    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final String PART = ".part";

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("download-watchdog").factory());

    private final Path dir;
    private final HttpClient http;
    private final Duration stallAfter;

    public ContentCache(Path dataDir, HttpClient http) throws IOException {
        this(dataDir, http, Duration.ofMinutes(1));
    }

    public ContentCache(Path dataDir, HttpClient http, Duration stallAfter) throws IOException {
        this.dir = SafeFiles.directory(dataDir.resolve("cache"));
        this.http = http;
        this.stallAfter = stallAfter;
    }

    public boolean has(String sha256) {
        return valid(sha256) && Files.isRegularFile(dir.resolve(sha256));
    }

    /** The cached file; only for a digest the cache has. */
    public Path path(String sha256) {
        if (!has(sha256)) {
            throw new IllegalArgumentException("not in the cache: " + sha256);
        }
        return dir.resolve(sha256);
    }

    /**
     * Makes sure the content is cached, downloading (or resuming) it and checking its digest;
     * returns how many bytes it downloaded this time.
     */
    public long fetch(URI url, String sha256) throws IOException, InterruptedException {
        if (!valid(sha256)) {
            throw new FetchFailed("verify", "the manifest's digest is not a SHA-256: " + sha256);
        }
        if (has(sha256)) {
            return 0;
        }
        var part = dir.resolve(sha256 + PART);
        long have = Files.exists(part) ? Files.size(part) : 0;
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FetchFailed("download", "could not reach the content store: " + e.getMessage());
        }
        long fetched;
        try (var body = response.body()) {
            fetched = switch (response.statusCode()) {
                case 200 -> copy(body, part, false);
                case 206 -> copy(body, part, true);
                case 416 -> 0; // the part is already whole; the digest decides
                default -> throw new FetchFailed("download", "the content store answered HTTP " + response.statusCode());
            };
        }
        var actual = digest(part);
        if (!actual.equals(sha256)) {
            Files.deleteIfExists(part);
            throw new FetchFailed("verify", "the download hashes to " + actual + ", not " + sha256);
        }
        Files.move(part, dir.resolve(sha256), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return fetched;
    }

    /** Removes every cached or partial file whose digest is not in {@code needed}. */
    public int evictAllBut(Set<String> needed) throws IOException {
        int evicted = 0;
        try (var files = Files.list(dir)) {
            for (var file : files.toList()) {
                var name = file.getFileName().toString();
                var digest = name.endsWith(PART) ? name.substring(0, name.length() - PART.length()) : name;
                if (!needed.contains(digest)) {
                    Files.deleteIfExists(file);
                    evicted++;
                }
            }
        }
        return evicted;
    }

    /**
     * Copies the body into the part file. A watchdog closes the body once nothing arrived for
     * {@code stallAfter}; what arrived stays in the part file (it is not verified, which would delete
     * it), and the next fetch resumes from there.
     */
    private long copy(InputStream body, Path part, boolean append) throws IOException {
        var options = append
                ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND}
                : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE};
        var lastArrived = new AtomicLong(System.nanoTime());
        var stalled = new AtomicBoolean();
        var check = Math.max(10, stallAfter.toMillis() / 4);
        var watchdog = WATCHDOG.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastArrived.get() > stallAfter.toNanos() && stalled.compareAndSet(false, true)) {
                try {
                    body.close();
                } catch (IOException ignored) {
                    // closing is what ends the wait; the copy reports the stall
                }
            }
        }, check, check, TimeUnit.MILLISECONDS);
        long copied = 0;
        try (var out = Files.newOutputStream(part, options)) {
            var buffer = new byte[64 * 1024];
            for (int read; (read = body.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                copied += read;
                lastArrived.set(System.nanoTime());
            }
        } catch (IOException e) {
            if (!stalled.get()) {
                throw new FetchFailed("download", "the download broke off: " + e.getMessage());
            }
        } finally {
            watchdog.cancel(false);
        }
        if (stalled.get()) {
            throw new FetchFailed("download", "the download stalled: nothing arrived for " + stallAfter.toSeconds()
                    + " s after " + copied + " bytes; it resumes from there");
        }
        return copied;
    }

    private static String digest(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            var sha = MessageDigest.getInstance("SHA-256");
            var buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean valid(String sha256) {
        return sha256 != null && DIGEST.matcher(sha256).matches();
    }
}
