package io.vizora.agent.link;

import io.vizora.agent.Json;
import io.vizora.device.MessageTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;

/**
 * The agent's one socket to a push gateway (docs/device-protocol.md): connects with the device
 * token, says {@code hello} with the manifest version it has, hands what the gateway sends to its
 * {@link Listener}, and answers requests' acknowledgements. When the socket is lost it reconnects
 * after a jittered exponential backoff, for as long as it runs.
 */
public final class GatewayLink implements AutoCloseable {

    /** What the agent does with what the gateway says. */
    public interface Listener {

        /** The device token to connect with; empty while the screen has none. */
        Optional<String> token();

        /** The manifest version the agent has, for {@code hello}; null for none. */
        Long manifestVersion();

        void manifest(JsonNode body);

        void unpaired();

        void tokenExpiring();

        /** A fleet command for this display ({@code command}'s body). */
        void command(JsonNode body);

        /** The socket closed with {@code code} (4401: the token is no longer accepted). */
        void closed(int code);
    }

    /** The gateway answered a request with {@code error}. */
    public static final class Refused extends RuntimeException {
        public Refused(String detail) {
            super(detail);
        }
    }

    private static final Logger LOG = Logger.getLogger(GatewayLink.class.getName());
    private static final Duration STABLE = Duration.ofSeconds(10);

    private final URI socket;
    private final HttpClient http;
    private final Listener listener;
    private final Backoff backoff;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final Map<UUID, CompletableFuture<JsonNode>> awaiting = new ConcurrentHashMap<>();
    private final ReentrantLock sending = new ReentrantLock();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger opened = new AtomicInteger();
    private volatile WebSocket open;
    private volatile Frames frames;
    private volatile Thread loop;
    private volatile Instant lastHeard = Instant.now();

    public GatewayLink(URI socket, HttpClient http, Listener listener, Backoff backoff) {
        this.socket = socket;
        this.http = http;
        this.listener = listener;
        this.backoff = backoff;
    }

    public void start() {
        loop = Thread.ofVirtual().name("gateway-link").start(this::run);
    }

    public boolean connected() {
        return open != null;
    }

    /** When the gateway last sent anything (an ack, a manifest, ...), or the socket last opened. */
    public Instant lastHeard() {
        return lastHeard;
    }

    /** How many times a socket opened since the start. */
    public int connections() {
        return opened.get();
    }

    /** Sends a message; completes with the body of its {@code ack}, or fails with {@link Refused} or a timeout. */
    public CompletableFuture<JsonNode> request(String type, JsonNode body, Duration timeout) {
        var id = UUID.randomUUID();
        var answer = new CompletableFuture<JsonNode>();
        awaiting.put(id, answer);
        answer.whenComplete((ack, failure) -> awaiting.remove(id));
        if (!send(id, type, body)) {
            answer.completeExceptionally(new TimeoutException("not connected"));
        }
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean send(UUID id, String type, JsonNode body) {
        var socket = open;
        if (socket == null) {
            return false;
        }
        ObjectNode message = Json.MAPPER.createObjectNode().put("id", id.toString()).put("type", type).put("ts", Instant.now().toString());
        message.set("body", body);
        sending.lock();
        try {
            // the JDK socket allows one outstanding send at a time
            socket.sendText(Json.MAPPER.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        } finally {
            sending.unlock();
        }
    }

    private void run() {
        int attempt = 0;
        while (stopped.getCount() > 0) {
            var token = listener.token();
            if (token.isPresent()) {
                var opened = Instant.now();
                int code = connectAndServe(token.get());
                listener.closed(code);
                attempt = Duration.between(opened, Instant.now()).compareTo(STABLE) > 0 ? 0 : attempt + 1;
            }
            var delay = token.isPresent() ? backoff.delay(attempt, random) : Duration.ofMillis(200);
            try {
                if (stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Holds one connection until it closes; the close code, or 1006 if it never opened or broke. */
    private int connectAndServe(String token) {
        var frames = new Frames();
        this.frames = frames;
        try {
            var socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token).connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(this.socket, frames).get(15, TimeUnit.SECONDS);
            open = socket;
            lastHeard = Instant.now();
            opened.incrementAndGet();
            var hello = Json.MAPPER.createObjectNode();
            var version = listener.manifestVersion();
            if (version != null) {
                hello.put("manifestVersion", version);
            }
            send(UUID.randomUUID(), MessageTypes.HELLO, hello);
            return frames.closed.get();
        } catch (Exception e) {
            LOG.fine(() -> "no connection to " + this.socket + ": " + e);
            return 1006;
        } finally {
            open = null;
            awaiting.values().forEach(answer -> answer.completeExceptionally(new TimeoutException("connection lost")));
        }
    }

    private final class Frames implements WebSocket.Listener {

        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            lastHeard = Instant.now();
            if (last) {
                var message = text.toString();
                text.setLength(0);
                try {
                    dispatch(Json.MAPPER.readTree(message));
                } catch (RuntimeException e) {
                    LOG.warning(() -> "could not handle a message from the gateway: " + e);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
        }
    }

    private void dispatch(JsonNode message) {
        var type = message.path("type").asString("");
        var body = message.path("body");
        var replyTo = message.path("replyTo").isString() ? UUID.fromString(message.get("replyTo").asString()) : null;
        switch (type) {
            case MessageTypes.ACK -> Optional.ofNullable(replyTo).map(awaiting::get).ifPresent(answer -> answer.complete(body));
            case MessageTypes.ERROR -> {
                var detail = body.path("detail").asString("refused");
                Optional.ofNullable(replyTo).map(awaiting::get).ifPresentOrElse(answer -> answer.completeExceptionally(new Refused(detail)),
                        () -> LOG.warning(() -> "the gateway reported: " + detail));
            }
            case MessageTypes.MANIFEST -> listener.manifest(body);
            case MessageTypes.UNPAIRED -> listener.unpaired();
            case MessageTypes.TOKEN_EXPIRING -> listener.tokenExpiring();
            case MessageTypes.COMMAND -> listener.command(body);
            default -> LOG.fine(() -> "ignored a message of type " + type);
        }
    }

    /** Closes the socket now, as a network failure would (the link reconnects while it runs). */
    public void drop() {
        var socket = open;
        if (socket != null) {
            socket.abort();
            frames.closed.complete(1006);
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        var socket = open;
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "agent stopping").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
            socket.abort();
        }
        var thread = loop;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
