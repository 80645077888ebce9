package io.vizora.partner.feed;

import java.nio.charset.StandardCharsets;

/**
 * A text parameter already encoded as UTF-8, which the Postgres driver sends as it is
 * ({@link Utf8TextCodec}): for a {@code String} it encodes character by character on its one
 * event loop, which for the feed's text of a report's public events was a fifth of this service's CPU.
 */
public record Utf8Text(byte[] bytes) {

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
