package io.vizora.projector.presence;

import java.time.Duration;
import java.time.Instant;

/**
 * When a display's presence changes, decided from times alone. A display comes online once it
 * has been heard from for the online grace without falling silent (so a screen that flickers on
 * and off is not announced at each flicker); it goes offline once silent for the offline grace.
 */
public record PresenceRules(Duration onlineAfter, Duration offlineAfter) {

    public enum Pending { ANNOUNCE, WAIT, DROP }

    /** A display heard first at {@code firstHeard} and last at {@code lastHeard}, not yet announced online. */
    public Pending pending(Instant firstHeard, Instant lastHeard, Instant now) {
        if (silent(lastHeard, now)) {
            return Pending.DROP;
        }
        return Duration.between(firstHeard, now).compareTo(onlineAfter) >= 0 ? Pending.ANNOUNCE : Pending.WAIT;
    }

    public boolean silent(Instant lastHeard, Instant now) {
        return Duration.between(lastHeard, now).compareTo(offlineAfter) > 0;
    }
}
