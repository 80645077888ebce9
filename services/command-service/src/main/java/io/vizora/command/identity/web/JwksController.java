package io.vizora.command.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.identity.tokens.SigningKeyRing;
import io.vizora.platform.openapi.NoCredentials;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
@Tag(name = "Authentication")
class JwksController {

    private final SigningKeyRing keys;

    JwksController(SigningKeyRing keys) {
        this.keys = keys;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    @NoCredentials
    @Operation(summary = "The public keys that verify access tokens, by kid")
    Map<String, Object> jwks() {
        return keys.publicKeys().toJSONObject(true);
    }
}
