package io.vizora.platform.security;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;

/**
 * Decoders of ES256 tokens signed with the command service's keys, fetched from its key set. The
 * fetch has a deadline: the default client waits for an answer as long as the connection lasts,
 * so a key set that did not answer would hold every token waiting for it (a gateway's device
 * handshakes, every request of a service) instead of failing them, to be fetched again by the
 * next token.
 */
public final class KeySets {

    static final Duration FETCH_DEADLINE = Duration.ofSeconds(5);

    private KeySets() {
    }

    public static NimbusReactiveJwtDecoder es256(String jwksUri) {
        var http = HttpClient.create().responseTimeout(FETCH_DEADLINE);
        return NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri).jwsAlgorithm(SignatureAlgorithm.ES256)
                .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build())
                .build();
    }
}
