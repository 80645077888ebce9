package io.vizora.schemas;

import com.networknt.schema.Schema;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The contract's string formats, for checks at the edge: an API that accepts a value its event
 * will carry must accept exactly what the event's schema accepts, or a valid-looking request fails
 * when its event is checked (a 500 instead of a clear 400).
 */
public final class Formats {

    private static final Schema EMAIL = EventContract.registry().getSchema("{\"type\": \"string\", \"format\": \"email\"}");

    private Formats() {
    }

    /** Whether the contract's {@code email} format accepts the value (RFC 5321 mailbox, a domain with a real top-level domain). */
    public static boolean email(String value) {
        return value != null && EMAIL.validate(JsonNodeFactory.instance.stringNode(value)).isEmpty();
    }
}
