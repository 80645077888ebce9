package io.vizora.agent.browser;

import io.vizora.agent.Json;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The parts of Chromium's DevTools protocol the agent uses, over the browser's loopback endpoint:
 * which tab shows a page, and a capture of what that tab shows.
 */
public final class DevTools {

    private final HttpClient http;
    private final Duration timeout;

    public DevTools(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** A PNG of what the tab showing {@code page} (the first whose address starts with it) shows now. */
    public byte[] screenshot(URI endpoint, URI page) throws IOException, InterruptedException {
        var socket = tabSocket(endpoint, page);
        var reply = call(socket, "Page.captureScreenshot", Map.of("format", "png"));
        var data = reply.path("result").path("data").asString(null);
        if (data == null) {
            throw new IOException("the browser captured nothing: " + reply.path("error").path("message").asString("no data"));
        }
        return Base64.getDecoder().decode(data);
    }

    private URI tabSocket(URI endpoint, URI page) throws IOException, InterruptedException {
        var tabs = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(endpoint.resolve("/json/list")).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        for (var tab : tabs) {
            if ("page".equals(tab.path("type").asString("")) && tab.path("url").asString("").startsWith(page.toString())
                    && tab.hasNonNull("webSocketDebuggerUrl")) {
                return URI.create(tab.get("webSocketDebuggerUrl").asString());
            }
        }
        throw new IOException("no tab of the browser shows " + page);
    }

    /** Sends one command on a socket of its own and returns its reply (the protocol's replies may come in several frames). */
    private JsonNode call(URI socket, String method, Map<String, Object> params) throws IOException, InterruptedException {
        var reply = new CompletableFuture<JsonNode>();
        var listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        var message = Json.MAPPER.readTree(text.toString());
                        // events the tab sends meanwhile have no id
                        if (message.path("id").asInt(0) == 1) {
                            reply.complete(message);
                        }
                    } catch (RuntimeException unreadable) {
                        reply.completeExceptionally(unreadable);
                    }
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                reply.completeExceptionally(error);
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int status, String reason) {
                reply.completeExceptionally(new IOException("the browser closed the socket: " + status + " " + reason));
                return null;
            }
        };
        WebSocket webSocket;
        try {
            webSocket = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(socket, listener).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot reach the browser's tab at " + socket + ": " + e.getMessage(), e);
        }
        try {
            webSocket.sendText(Json.MAPPER.writeValueAsString(Map.of("id", 1, "method", method, "params", params)), true);
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(method + " got no reply: " + e.getMessage(), e);
        } finally {
            webSocket.abort();
        }
    }
}
