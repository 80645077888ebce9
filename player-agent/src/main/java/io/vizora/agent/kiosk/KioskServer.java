package io.vizora.agent.kiosk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vizora.agent.AgentStatus;
import io.vizora.agent.Json;
import io.vizora.agent.cache.ContentCache;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.Executors;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The current item as a local web page for a kiosk browser in full screen ({@code /}), on loopback
 * only: the page asks {@code /now} what to show and loads cached content from {@code /content/<sha256>};
 * while the screen waits to be paired, {@code /pairing.svg} is the QR code of its pairing page.
 */
public final class KioskServer implements AutoCloseable {

    private static final Pattern CONTENT = Pattern.compile("/content/([0-9a-f]{64})");

    private final HttpServer server;
    private final java.util.concurrent.atomic.AtomicLong pageLoads = new java.util.concurrent.atomic.AtomicLong();
    private volatile long lastAsked = System.nanoTime() - Long.MAX_VALUE / 2;

    public KioskServer(int port, Supplier<AgentStatus> now, ContentCache cache, Function<String, Optional<String>> mediaTypeOf) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                var path = exchange.getRequestURI().getPath();
                var content = CONTENT.matcher(path);
                if (path.equals("/")) {
                    pageLoads.incrementAndGet();
                    try (InputStream page = KioskServer.class.getResourceAsStream("kiosk.html")) {
                        respond(exchange, 200, "text/html; charset=utf-8", page.readAllBytes());
                    }
                } else if (path.equals("/now")) {
                    lastAsked = System.nanoTime();
                    respond(exchange, 200, "application/json", Json.MAPPER.writeValueAsBytes(now.get()));
                } else if (path.equals("/pairing.svg")) {
                    var pairing = now.get().pairing();
                    if (pairing == null) {
                        respond(exchange, 404, "text/plain", "paired".getBytes(StandardCharsets.UTF_8));
                    } else {
                        respond(exchange, 200, "image/svg+xml", QrCode.svg(pairing.url().toString()).getBytes(StandardCharsets.UTF_8));
                    }
                } else if (content.matches() && cache.has(content.group(1))) {
                    var file = cache.path(content.group(1));
                    exchange.getResponseHeaders().set("Content-Type", mediaTypeOf.apply(content.group(1)).orElse("application/octet-stream"));
                    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
                    exchange.sendResponseHeaders(200, Files.size(file));
                    Files.copy(file, exchange.getResponseBody());
                } else {
                    respond(exchange, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        server.start();
    }

    /** When the page last asked what to show, by {@link System#nanoTime()}: long ago if it never did. */
    public long lastAsked() {
        return lastAsked;
    }

    /** How often a browser loaded the page since the start. */
    public long pageLoads() {
        return pageLoads.get();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
