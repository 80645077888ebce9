package io.vizora.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
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
                    Duration renewalNotice) {
    }

    @Bean
    HandlerMapping deviceSocketMapping(DeviceAuthentication authentication, Manifests manifests, Connections connections, DeviceEvents events,
                                       @Value("${vizora.gateway.token-renewal-notice:PT1H}") Duration renewalNotice) {
        var services = new Services(authentication, manifests, connections, events, renewalNotice);
        WebSocketHandler handler = session -> authentication.authenticate(session.getHandshakeInfo().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                .flatMap(device -> manifests.of(device)
                        .flatMap(paired -> new DeviceSession(session, device, services).serve().thenReturn(true))
                        .switchIfEmpty(Mono.defer(() -> session.close(NOT_PAIRED).thenReturn(false))))
                .switchIfEmpty(Mono.defer(() -> session.close(UNAUTHENTICATED).thenReturn(false)))
                .then();
        return new SimpleUrlHandlerMapping(Map.of("/device/v1/socket", handler), -1);
    }
}
