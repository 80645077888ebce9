package io.vizora.schedule;

import java.time.Instant;
import java.util.UUID;

/** When a campaign wants to play on a display, whether or not it wins then: what a calendar shows to make conflicts visible. */
public record CampaignWindow(UUID campaignId, Instant start, Instant end) {
}
