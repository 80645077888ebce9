package io.vizora.projector.presence;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** How long a display may stay silent before it counts as offline, and how often that is checked. */
@ConfigurationProperties("vizora.projector.presence")
public record PresenceProperties(Duration offlineAfter, Duration sweepInterval) {

    public PresenceProperties {
        offlineAfter = offlineAfter == null ? Duration.ofSeconds(90) : offlineAfter;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
    }
}
