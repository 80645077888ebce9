package io.vizora.agent.cache;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Downloads into the cache from a content store on loopback that stalls in the middle of a file. */
class ContentCacheTests {

    private final byte[] content = new byte[256 * 1024];
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer store;

    @AfterEach
    void stop() {
        released.countDown();
        store.stop(0);
    }

    /** Sends the first half of the file, then nothing more; a request for the rest gets it. */
    private URI storeThatStallsHalfway() throws Exception {
        new java.util.Random(7).nextBytes(content);
        store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        store.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        store.createContext("/file", exchange -> {
            var range = exchange.getRequestHeaders().getFirst("Range");
            ranges.add(String.valueOf(range));
            if (range == null) {
                exchange.sendResponseHeaders(200, content.length);
                exchange.getResponseBody().write(content, 0, content.length / 2);
                exchange.getResponseBody().flush();
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                var from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
                exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
                exchange.sendResponseHeaders(206, content.length - from);
                exchange.getResponseBody().write(content, from, content.length - from);
            }
            exchange.close();
        });
        store.start();
        return URI.create("http://127.0.0.1:" + store.getAddress().getPort() + "/file");
    }

    @Test
    void aDownloadThatStallsIsGivenUpKeepingWhatArrivedAndResumesFromThereNextTime(@TempDir Path dir) throws Exception {
        var url = storeThatStallsHalfway();
        var sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        var cache = new ContentCache(dir, HttpClient.newHttpClient(), Duration.ofMillis(500));

        // a hang guard, not a time limit: before, the download waited for the rest of the body for good
        var stalled = CompletableFuture.supplyAsync(() -> {
            try {
                return cache.fetch(url, sha256);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> stalled.get(30, TimeUnit.SECONDS)))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ContentCache.FetchFailed.class).hasMessageContaining("stalled");
        assertThat(Files.size(dir.resolve("cache").resolve(sha256 + ".part"))).isEqualTo(content.length / 2);

        assertThat(cache.fetch(url, sha256)).isEqualTo(content.length / 2);
        assertThat(cache.has(sha256)).isTrue();
        assertThat(ranges).containsExactly("null", "bytes=" + content.length / 2 + "-");
    }
}
