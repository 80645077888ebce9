package io.vizora.projector.presence;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a screen shows what was planned for it: a display is out of sync once its heartbeats have
 * not reported its newest manifest within the grace after that manifest was compiled (a screen that
 * never reported a version counts as showing none). Push normally closes the gap in well under a
 * second and the agent's HTTP check within a minute, so a gap past the grace means a screen that
 * is not following its schedule.
 */
public record SyncRules(Duration grace) {

    public boolean outOfSync(long newestVersion, Instant newestCompiledAt, Long shownVersion, Instant now) {
        return (shownVersion == null || shownVersion < newestVersion) && !now.isBefore(newestCompiledAt.plus(grace));
    }

    public boolean inSync(long newestVersion, Long shownVersion) {
        return shownVersion != null && shownVersion >= newestVersion;
    }
}
