package io.vizora.projector.analytics;

import io.vizora.schemas.Envelope;
import io.vizora.testsupport.DomainEvents;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Plays as the push gateway puts them on vizora.playback (sent without waiting: {@code DomainEvents.shared().flush()}). */
public final class Plays {

    private Plays() {
    }

    public static void report(UUID tenant, UUID display, UUID play, long sequence, Instant startedAt) {
        report(tenant, display, play, sequence, startedAt, UUID.randomUUID(), "completed");
    }

    public static void report(UUID tenant, UUID display, UUID play, long sequence, Instant startedAt,
                              UUID content, String outcome) {
        send(tenant, play, Map.of("displayId", display.toString(), "sequence", sequence, "contentId", content.toString(),
                "startedAt", startedAt.toString(), "durationMs", outcome.equals("failed") ? 0 : 10_000, "outcome", outcome, "fromCache", true));
    }

    /** A completed 10 s play of the campaign's content. */
    public static void ofCampaign(UUID tenant, UUID display, long sequence, Instant startedAt,
                                  UUID content, UUID campaign) {
        send(tenant, UUID.randomUUID(), Map.of("displayId", display.toString(), "sequence", sequence, "contentId", content.toString(),
                "campaignId", campaign.toString(), "startedAt", startedAt.toString(), "durationMs", 10_000, "outcome", "completed",
                "fromCache", true));
    }

    /** A play that failed at the given stage (download, verify, load, decode). */
    public static void failed(UUID tenant, UUID display, long sequence, Instant startedAt,
                              UUID content, String stage) {
        send(tenant, UUID.randomUUID(), Map.of("displayId", display.toString(), "sequence", sequence, "contentId", content.toString(),
                "startedAt", startedAt.toString(), "durationMs", 0, "outcome", "failed", "fromCache", false,
                "error", Map.of("stage", stage, "detail", "broken on purpose")));
    }

    private static void send(UUID tenant, UUID play, Map<String, Object> data) {
        var display = (String) data.get("displayId");
        DomainEvents.shared().record("vizora.playback", display,
                Envelope.json(play, "vizora.playback.play_reported.v1", tenant, display, "device:" + display, Instant.now(), data,
                        "/vizora/push-gateway"));
    }
}
