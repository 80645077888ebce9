package io.vizora.agent.playback;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The check before a web page is shown, against a web server on loopback. */
class WebPagesTests {

    private final HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);
    private final WebPages pages = new WebPages(HttpClient.newHttpClient(), Duration.ZERO);

    WebPagesTests() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        // a page that sends its headers and the start of a body, then nothing more (a stream, a stalled server)
        server.createContext("/stalls", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("<html><body>".getBytes());
            exchange.getResponseBody().flush();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        for (var framing : Map.of("/deny", Map.of("X-Frame-Options", "DENY"), "/same-origin", Map.of("X-Frame-Options", "sameorigin"),
                "/none", Map.of("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"),
                "/anyone", Map.of("Content-Security-Policy", "frame-ancestors *"), "/plain", Map.<String, String>of()).entrySet()) {
            server.createContext(framing.getKey(), exchange -> {
                framing.getValue().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
        }
        server.start();
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void aPageWhoseBodyNeverEndsIsCheckedByItsAnswerAloneAndDoesNotHoldThePlayer() throws Exception {
        // a hang guard, not a time limit: the check read the whole body before, and this one has no end
        var problem = CompletableFuture.supplyAsync(() -> pages.problem(url("/stalls"))).get(30, TimeUnit.SECONDS);
        assertThat(problem).isEmpty();
    }

    @Test
    void aPageThatForbidsBeingFramedIsAFailureToLoadNotAnEmptyBoxCountedAsPlayed() {
        for (var path : new String[] {"/deny", "/same-origin", "/none"}) {
            assertThat(pages.problem(url(path))).as(path).hasValueSatisfying(failure -> {
                assertThat(failure.stage()).isEqualTo("load");
                assertThat(failure.detail()).contains("refuses to be shown inside another page");
            });
        }
        assertThat(pages.problem(url("/anyone"))).isEmpty();
        assertThat(pages.problem(url("/plain"))).isEmpty();
    }
}
