package io.vizora.schemas;

import com.networknt.schema.Schema;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The contract's string formats, for checks outside the contract's own: an API that accepts a
 * value its event will carry must accept exactly what the event's schema accepts, or a
 * valid-looking request fails when its event is checked (a 500 instead of a clear 400).
 */
public final class Formats {

    private static final Schema EMAIL = EventContract.registry().getSchema("{\"type\": \"string\", \"format\": \"email\"}");

    private Formats() {
    }

    /** Whether the contract's {@code uuid} format accepts the value (8-4-4-4-12 hexadecimal digits, either case). */
    public static boolean uuid(String value) {
        return value != null && UuidFormat.isUuid(value);
    }

    /** The moment a text the contract's {@code date-time} format accepts names; as {@link java.time.Instant#parse} reads it, faster. */
    public static java.time.Instant instant(String dateTime) {
        return DateTimeFormat.instant(dateTime);
    }

    /** Whether the contract's {@code email} format accepts the value (RFC 5321 mailbox, a domain with a real top-level domain). */
    public static boolean email(String value) {
        return value != null && EMAIL.validate(JsonNodeFactory.instance.stringNode(value)).isEmpty();
    }
}
