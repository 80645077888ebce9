package io.vizora.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

class KeySetsTests {

    @Test
    void aTokenWaitingForAKeySetThatNeverAnswersIsRefusedInsteadOfHeld() throws Exception {
        var key = new ECKeyGenerator(Curve.P_256).keyID("unknown").generate();
        var token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("unknown").build(),
                new JWTClaimsSet.Builder().subject("someone").build());
        token.sign(new ECDSASigner(key));
        List<Socket> held = new ArrayList<>();
        // accepts connections and reads nothing: a key set that hangs
        try (var silent = new ServerSocket(0)) {
            var accepting = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            var decoder = KeySets.es256("http://127.0.0.1:" + silent.getLocalPort() + "/.well-known/jwks.json");

            // the bound only guards against a hang: the deadline itself is KeySets.FETCH_DEADLINE
            StepVerifier.create(decoder.decode(token.serialize()))
                    .expectError()
                    .verify(KeySets.FETCH_DEADLINE.plus(Duration.ofSeconds(25)));
            accepting.interrupt();
        } finally {
            for (var socket : held) {
                socket.close();
            }
        }
    }
}
