package io.vizora.benchmarks;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.netty.http.server.HttpServer;

/** Serves a Spring WebFlux configuration on Reactor Netty without Boot, until killed: the bare ceilings' server. */
final class BareServer {

    private BareServer() {
    }

    static void serve(Class<?> configuration, int port) {
        var context = new AnnotationConfigApplicationContext(configuration);
        var handler = WebHttpHandlerBuilder.applicationContext(context).build();
        HttpServer.create().host("127.0.0.1").port(port)
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow()
                .onDispose()
                .block();
    }
}
