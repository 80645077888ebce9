package io.vizora.gateway;

import io.vizora.device.FleetCommand;
import io.vizora.device.MessageTypes;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One agent's socket from admission to close: answers what the agent sends, carries what
 * {@link Connections} routes to its display, and holds the connection to its device token's
 * lifetime. Before the token expires the agent is told ({@code token_expiring}); it renews the token
 * with its device secret and presents the new one over the same socket ({@code token}), as MQTT 5
 * re-authentication does. A socket whose token expires is closed with 4401.
 */
final class DeviceSession {

    static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4401, "the device token expired");

    private final WebSocketSession session;
    private final AtomicReference<DeviceAuthentication.Device> device;
    private final DeviceSocket.Services services;
    private final Sinks.Many<Message> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable.Swap tokenTimers = Disposables.swap();
    private final AtomicReference<CloseStatus> closing = new AtomicReference<>(CloseStatus.NORMAL);
    /** The commands sent on this socket: each goes once per socket, however often it is offered. */
    private final Set<UUID> commandsSent = ConcurrentHashMap.newKeySet();

    DeviceSession(WebSocketSession session, DeviceAuthentication.Device device, DeviceSocket.Services services) {
        this.session = session;
        this.device = new AtomicReference<>(device);
        this.services = services;
    }

    Mono<Void> serve() {
        var displayId = device.get().displayId();
        services.connections().add(displayId, this);
        follow(device.get().expiresAt());
        var inbound = session.receive()
                .map(WebSocketMessage::getPayloadAsText)
                .concatMap(this::answer)
                .doOnNext(this::deliver)
                .doFinally(signal -> outbound.tryEmitComplete())
                .then();
        // the close goes out while the inbound side is still read, so the agent hears its status
        var send = session.send(outbound.asFlux().map(message -> session.textMessage(message.json())))
                .then(Mono.defer(() -> session.close(closing.get())));
        return Mono.when(inbound, send)
                .doFinally(signal -> {
                    tokenTimers.dispose();
                    services.connections().remove(displayId, this);
                });
    }

    void end(CloseStatus status) {
        closing.set(status);
        outbound.tryEmitComplete();
    }

    void deliver(Message message) {
        outbound.emitNext(message, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    /** Sends a fleet command unless it expired or this socket already carried it. */
    void offer(FleetCommand command) {
        if (!command.expiredAt(Instant.now()) && commandsSent.add(command.commandId())) {
            deliver(Message.command(command));
        }
    }

    /** The display's queued commands, on connecting and with every heartbeat (the path that does not depend on the fast one). */
    private Mono<Void> offerQueued(DeviceAuthentication.Device current) {
        return services.commands().of(current.displayId()).doOnNext(this::offer).then();
    }

    /** Warns the agent ahead of its token's expiry and closes the socket at the expiry. */
    private void follow(Instant expiresAt) {
        var untilNotice = Duration.between(Instant.now(), expiresAt.minus(services.renewalNotice()));
        var untilExpiry = Duration.between(Instant.now(), expiresAt);
        var notice = Mono.delay(untilNotice.isNegative() ? Duration.ZERO : untilNotice)
                .subscribe(tick -> deliver(Message.tokenExpiring(expiresAt)));
        var expiry = Mono.delay(untilExpiry.isNegative() ? Duration.ZERO : untilExpiry)
                .subscribe(tick -> end(TOKEN_EXPIRED));
        tokenTimers.update(Disposables.composite(notice, expiry));
    }

    private Mono<Message> answer(String text) {
        Message message;
        try {
            message = Message.parse(text);
        } catch (RuntimeException e) {
            return Mono.just(Message.error(null, "not a message: " + e.getMessage()));
        }
        var current = device.get();
        return switch (message.type()) {
            case MessageTypes.HELLO -> services.manifests().of(current)
                    .filter(stored -> !message.body().path("manifestVersion").isNumber()
                            || message.body().get("manifestVersion").asLong() < stored.version())
                    .map(stored -> Message.manifest(message.id(), stored.json()))
                    // the manifest first: a command such as reload means most with the newest schedule in place
                    .doOnNext(this::deliver)
                    .then(offerQueued(current))
                    .then(Mono.<Message>empty());
            case MessageTypes.HEARTBEAT -> whilePaired(current, () -> acknowledged(message, services.events().heartbeat(current, message.id(), message.body())
                    .then(offerQueued(current))
                    .thenReturn(JsonNodeFactory.instance.objectNode())));
            case MessageTypes.COMMAND_STATUS -> whilePaired(current, () -> acknowledged(message, services.events().commandReported(current, message.body())
                    .thenReturn(JsonNodeFactory.instance.objectNode())));
            case MessageTypes.PLAYS -> whilePaired(current, () -> acknowledged(message, services.events().plays(current, message.body())
                    .map(count -> JsonNodeFactory.instance.objectNode().put("plays", count))));
            case MessageTypes.TOKEN -> renew(message);
            case MessageTypes.ACK -> Mono.empty();
            default -> Mono.just(Message.error(message.id(), "unknown message type '" + message.type() + "'"));
        };
    }

    /**
     * What a device reports goes to Kafka only while its display has a manifest in Redis: the
     * projector withdraws the manifest the moment the display is unpaired, before the tombstone that
     * closes this socket reaches the gateway, so nothing of an unpaired display is published in
     * between. A missing manifest is not proof of an unpairing, though: Redis may have lost it (a
     * restart, ADR 0043). So the report is neither refused nor acknowledged, and the agent is not
     * told it is unpaired, which would make it forget its pairing and its journal: the socket is
     * closed with 4403, the agent keeps the report and asks the command service, which knows
     * whether the display is still paired.
     */
    private Mono<Message> whilePaired(DeviceAuthentication.Device current, java.util.function.Supplier<Mono<Message>> report) {
        return services.manifests().paired(current).filter(Boolean::booleanValue)
                .flatMap(paired -> report.get())
                .switchIfEmpty(Mono.fromRunnable(() -> end(DeviceSocket.NOT_PAIRED)));
    }

    private static Mono<Message> acknowledged(Message message, Mono<? extends JsonNode> done) {
        return done.map(body -> Message.of(MessageTypes.ACK, message.id(), body))
                .onErrorResume(IllegalArgumentException.class, refused -> Mono.just(Message.error(message.id(), refused.getMessage())));
    }

    private Mono<Message> renew(Message message) {
        var token = message.body().path("accessToken");
        return services.authentication().authenticate(token.isString() ? "Bearer " + token.asString() : null)
                .filter(renewed -> renewed.same(device.get()))
                .map(renewed -> {
                    device.set(renewed);
                    follow(renewed.expiresAt());
                    return Message.of(MessageTypes.ACK, message.id(), JsonNodeFactory.instance.objectNode().put("expiresAt", renewed.expiresAt().toString()));
                })
                .switchIfEmpty(Mono.fromSupplier(() -> Message.error(message.id(), "body.accessToken must be a valid device token of this display")));
    }
}
