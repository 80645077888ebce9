package io.vizora.outbox;

import java.util.Objects;
import java.util.UUID;

/**
 * Who caused an event: a user, a device, a partner's API key, or the system itself. Every event
 * carries it (the {@code principal} extension), which makes the event stream an audit trail.
 */
public record Principal(Kind kind, UUID id) {

    public enum Kind { USER, DEVICE, APIKEY, SYSTEM }

    private static final Principal SYSTEM = new Principal(Kind.SYSTEM, null);

    public Principal {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.SYSTEM) != (id == null)) {
            throw new IllegalArgumentException("the system has no id; every other principal has one");
        }
    }

    public static Principal user(UUID id) {
        return new Principal(Kind.USER, Objects.requireNonNull(id));
    }

    public static Principal device(UUID id) {
        return new Principal(Kind.DEVICE, Objects.requireNonNull(id));
    }

    public static Principal apiKey(UUID id) {
        return new Principal(Kind.APIKEY, Objects.requireNonNull(id));
    }

    public static Principal system() {
        return SYSTEM;
    }

    /** The attribute value: {@code user:<uuid>}, {@code device:<uuid>}, {@code apikey:<uuid>} or {@code system}. */
    @Override
    public String toString() {
        return kind == Kind.SYSTEM ? "system" : kind.name().toLowerCase() + ":" + id;
    }
}
