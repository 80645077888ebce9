package io.vizora.schedule;

import java.util.UUID;

/** A published campaign as the compiler sees it: what it plays, where, when and how urgently. */
public record CampaignRule(UUID campaignId, UUID playlistId, Targets targets, Schedule schedule, int priority, CampaignKind kind) {
}
