package io.vizora.projector.presence;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long a display must be heard from before it counts as online, how long it may stay silent
 * before it counts as offline, how often silence is checked, and how long a screen may take to show
 * its newest manifest before it counts as out of sync.
 */
@ConfigurationProperties("vizora.projector.presence")
public record PresenceProperties(Duration onlineAfter, Duration offlineAfter, Duration sweepInterval, Duration syncGrace) {

    public PresenceProperties {
        onlineAfter = onlineAfter == null ? Duration.ofSeconds(10) : onlineAfter;
        offlineAfter = offlineAfter == null ? Duration.ofSeconds(90) : offlineAfter;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        syncGrace = syncGrace == null ? Duration.ofMinutes(2) : syncGrace;
    }
}
