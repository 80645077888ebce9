package io.vizora.benchmarks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;

/**
 * The ceiling the API benchmark is read against (STACK.md's "bare Spring WebFlux controller"): one
 * annotated controller answering a 100-byte JSON on Reactor Netty, with no security, database or
 * filters. Runs until killed; takes its port as the only argument.
 */
public final class BareWebFlux {

    static final String BODY = "{\"id\":\"0b6e8f5c-2d1a-4e8b-9c3f-7a5d4e2b1c0f\",\"name\":\"ceiling\",\"state\":\"ready\",\"size\":1234567}";

    @RestController
    static class Ceiling {
        @GetMapping(value = "/bare", produces = "application/json")
        String bare() {
            return BODY;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebFlux
    static class Web {
        @Bean
        Ceiling ceiling() {
            return new Ceiling();
        }
    }

    private BareWebFlux() {
    }

    public static void main(String[] args) {
        BareServer.serve(Web.class, Integer.parseInt(args[0]));
    }
}
