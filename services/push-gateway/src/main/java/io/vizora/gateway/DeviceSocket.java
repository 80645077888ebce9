package io.vizora.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

/**
 * The agents' socket, {@code /device/v1/socket}: authenticated by the device JWT in the upgrade
 * request, open only to paired displays (those with a manifest), and closed with 4401 or 4403
 * otherwise; an admitted socket is a {@link DeviceSession}.
 */
@Configuration(proxyBeanMethods = false)
class DeviceSocket {

    static final CloseStatus UNAUTHENTICATED = new CloseStatus(4401, "a valid device token is required");
    static final CloseStatus NOT_PAIRED = new CloseStatus(4403, "this display is not paired");

    /** What every session uses. */
    record Services(DeviceAuthentication authentication, Manifests manifests, Connections connections, DeviceEvents events,
                    PendingCommands commands, Duration renewalNotice) {
    }

    /**
     * Reactor Netty refuses WebSocket frames over 64 KiB by default, and closes the socket; a batch of
     * 500 plays (the protocol's limit) is ~600 KiB with plain error details and up to ~2 MiB if every
     * detail's 500 characters need escaping in JSON, so an agent with a backlog would be cut off on
     * every try. Frames up to 4 MiB are taken.
     */
    static final int MAX_FRAME_BYTES = 4 << 20;

    @Bean
    WebSocketHandlerAdapter webSocketHandlerAdapter() {
        var upgrade = new ReactorNettyRequestUpgradeStrategy(() -> WebsocketServerSpec.builder().maxFramePayloadLength(MAX_FRAME_BYTES));
        return new WebSocketHandlerAdapter(new HandshakeWebSocketService(upgrade));
    }

    @Bean
    HandlerMapping deviceSocketMapping(DeviceAuthentication authentication, Manifests manifests, Connections connections, DeviceEvents events,
                                       PendingCommands commands, @Value("${vizora.gateway.token-renewal-notice:PT1H}") Duration renewalNotice) {
        var services = new Services(authentication, manifests, connections, events, commands, renewalNotice);
        WebSocketHandler handler = session -> authentication.authenticate(session.getHandshakeInfo().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                .flatMap(device -> manifests.of(device)
                        .flatMap(paired -> new DeviceSession(session, device, services).serve().thenReturn(true))
                        .switchIfEmpty(Mono.defer(() -> session.close(NOT_PAIRED).thenReturn(false))))
                .switchIfEmpty(Mono.defer(() -> session.close(UNAUTHENTICATED).thenReturn(false)))
                .then();
        return new SimpleUrlHandlerMapping(Map.of("/device/v1/socket", handler), -1);
    }
}
