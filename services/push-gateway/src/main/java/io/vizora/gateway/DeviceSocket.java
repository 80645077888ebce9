package io.vizora.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.node.JsonNodeFactory;

import java.util.Map;

/**
 * The agents' socket, {@code /device/v1/socket}: authenticated by the device JWT in the upgrade
 * request, open only to paired displays (those with a manifest), and closed with 4401 or 4403
 * otherwise. On {@code hello} with the version the agent has, a newer manifest is sent at once;
 * later manifests follow from {@link ManifestFeed}.
 */
@Configuration(proxyBeanMethods = false)
class DeviceSocket {

    static final CloseStatus UNAUTHENTICATED = new CloseStatus(4401, "a valid device token is required");
    static final CloseStatus NOT_PAIRED = new CloseStatus(4403, "this display is not paired");

    @Bean
    HandlerMapping deviceSocketMapping(DeviceAuthentication authentication, Manifests manifests, Connections connections, Heartbeats heartbeats) {
        WebSocketHandler handler = session -> authentication.authenticate(session.getHandshakeInfo().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                .flatMap(device -> manifests.of(device)
                        .flatMap(paired -> serve(session, device, manifests, connections, heartbeats).thenReturn(true))
                        .switchIfEmpty(Mono.defer(() -> session.close(NOT_PAIRED).thenReturn(false))))
                .switchIfEmpty(Mono.defer(() -> session.close(UNAUTHENTICATED).thenReturn(false)))
                .then();
        return new SimpleUrlHandlerMapping(Map.of("/device/v1/socket", handler), -1);
    }

    private static Mono<Void> serve(WebSocketSession session, DeviceAuthentication.Device device, Manifests manifests, Connections connections,
                                    Heartbeats heartbeats) {
        Sinks.Many<Message> outbound = Sinks.many().unicast().onBackpressureBuffer();
        connections.add(device.displayId(), outbound);
        var inbound = session.receive()
                .map(WebSocketMessage::getPayloadAsText)
                .concatMap(text -> answer(text, device, manifests, heartbeats))
                .doOnNext(reply -> outbound.emitNext(reply, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(100))))
                .then();
        var send = session.send(outbound.asFlux().map(message -> session.textMessage(message.json())));
        return Mono.firstWithSignal(inbound, send)
                .doFinally(signal -> connections.remove(device.displayId(), outbound))
                .then(session.close());
    }

    private static Mono<Message> answer(String text, DeviceAuthentication.Device device, Manifests manifests, Heartbeats heartbeats) {
        Message message;
        try {
            message = Message.parse(text);
        } catch (RuntimeException e) {
            return Mono.just(Message.error(null, "not a message: " + e.getMessage()));
        }
        return switch (message.type()) {
            case Message.HELLO -> manifests.of(device)
                    .filter(stored -> !message.body().path("manifestVersion").isNumber()
                            || message.body().get("manifestVersion").asLong() < stored.version())
                    .map(stored -> Message.of(Message.MANIFEST, message.id(),
                            JsonNodeFactory.instance.objectNode().put("version", stored.version()).set("manifest", Message.tree(stored.json()))));
            case Message.HEARTBEAT -> heartbeats.record(device, message.id(), message.body())
                    .thenReturn(Message.of(Message.ACK, message.id(), JsonNodeFactory.instance.objectNode()))
                    .onErrorResume(IllegalArgumentException.class, refused -> Mono.just(Message.error(message.id(), refused.getMessage())));
            case Message.ACK -> Mono.empty();
            default -> Mono.just(Message.error(message.id(), "unknown message type '" + message.type() + "'"));
        };
    }
}
