package io.vizora.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whose access was revoked and when, held in memory: {@code user:<id>} or {@code key:<digest>}
 * to the moment in epoch milliseconds. A record counts for as long as Redis keeps it
 * ({@code kept}): no token it voids lives longer. Two records of one subject keep the later
 * moment, so the order they arrive in does not matter.
 */
final class RevokedAccess {

    private final ConcurrentHashMap<String, Long> revokedAt = new ConcurrentHashMap<>();
    private final Duration kept;
    private final Clock clock;

    RevokedAccess(Duration kept, Clock clock) {
        this.kept = kept;
        this.clock = clock;
    }

    void record(String subject, long millis) {
        revokedAt.merge(subject, millis, Math::max);
        // revocations are rare, so dropping the expired ones here keeps the map small without a sweeper
        revokedAt.entrySet().removeIf(entry -> expired(entry.getValue()));
    }

    OptionalLong revokedAt(String subject) {
        var at = revokedAt.get(subject);
        return at == null || expired(at) ? OptionalLong.empty() : OptionalLong.of(at);
    }

    int size() {
        return revokedAt.size();
    }

    private boolean expired(long at) {
        return at + kept.toMillis() < clock.millis();
    }

    /** One record as it travels on the channel: the subject and the moment, separated by a space. */
    static String message(String subject, long millis) {
        return subject + " " + millis;
    }

    void recordMessage(String message) {
        var space = message.lastIndexOf(' ');
        if (space > 0) {
            record(message.substring(0, space), message.substring(space + 1));
        }
    }

    /** A record as Redis stores it, the moment as text. */
    void record(String subject, String millis) {
        try {
            record(subject, Long.parseLong(millis));
        } catch (NumberFormatException ignored) {
            // not a record this version writes: nothing to apply
        }
    }
}
