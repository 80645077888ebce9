package io.vizora.agent;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The code an unpaired screen shows, until when it is valid, and the console page where an
 * operator claims the screen with the code filled in (what its QR code opens).
 */
public record Pairing(String code, Instant expiresAt, URI url) {

    /** The console's pairing page for this code. */
    public static Pairing of(String code, Instant expiresAt, URI console) {
        var base = console.toString().replaceAll("/+$", "");
        return new Pairing(code, expiresAt, URI.create(base + "/displays/pair?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)));
    }
}
