package io.vizora.benchmarks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ceiling the gateway benchmark is read against (STACK.md's "Spring WebFlux WebSocketHandler"):
 * a WebSocket endpoint ({@code /ws}) that only holds its sockets, and {@code GET /broadcast} that
 * sends one 2 KiB text to every socket. No authentication, Redis or Kafka. Runs until killed; takes
 * its port as the only argument.
 */
public final class BareWebSocket {

    private static final String MESSAGE = "{\"type\":\"broadcast\",\"body\":\"" + "x".repeat(2_000) + "\"}";

    @Configuration(proxyBeanMethods = false)
    @EnableWebFlux
    static class Web {

        private final Set<Sinks.Many<String>> sockets = ConcurrentHashMap.newKeySet();

        @Bean
        HandlerMapping sockets() {
            WebSocketHandler handler = session -> {
                Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
                sockets.add(outbound);
                return session.send(outbound.asFlux().map(session::textMessage)).and(session.receive().then())
                        .doFinally(signal -> sockets.remove(outbound));
            };
            return new SimpleUrlHandlerMapping(Map.of("/ws", handler), -1);
        }

        @Bean
        RouterFunction<ServerResponse> broadcast() {
            return RouterFunctions.route().GET("/broadcast", request -> {
                sockets.forEach(socket -> socket.emitNext(MESSAGE, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100))));
                return ServerResponse.ok().bodyValue(Integer.toString(sockets.size()));
            }).GET("/count", request -> ServerResponse.ok().bodyValue(Integer.toString(sockets.size()))).build();
        }
    }

    private BareWebSocket() {
    }

    public static void main(String[] args) {
        BareServer.serve(Web.class, Integer.parseInt(args[0]));
    }
}
