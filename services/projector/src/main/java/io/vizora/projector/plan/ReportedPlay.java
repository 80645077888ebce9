package io.vizora.projector.plan;

import java.time.Instant;
import java.util.UUID;

/** A play as the screen reported it; {@code campaignId} is null for a default playlist's item. */
public record ReportedPlay(Instant startedAt, UUID contentId, UUID campaignId, boolean failed, long durationMs) {
}
