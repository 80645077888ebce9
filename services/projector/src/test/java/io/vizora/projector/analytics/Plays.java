package io.vizora.projector.analytics;

import io.vizora.schemas.Envelope;
import io.vizora.schemas.EventContract;
import io.vizora.schemas.PlayReports;
import io.vizora.testsupport.DomainEvents;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays as the push gateway puts them on vizora.playback: reports of plays (ADR 0033), here of one
 * play each unless said otherwise (sent without waiting: {@code DomainEvents.shared().flush()}).
 */
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

    /** Plays 1 to n of a display, 10 s apart from {@code startedAt}, in one report as an agent sends a batch. */
    public static void reportTogether(UUID tenant, UUID display, List<UUID> plays, long firstSequence, Instant startedAt) {
        var items = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < plays.size(); i++) {
            var item = new HashMap<>(completed(display, firstSequence + i, startedAt.plusSeconds(10L * i)));
            item.remove("displayId");
            item.put("playId", plays.get(i).toString());
            items.add(item);
        }
        record(tenant, display.toString(), PlayReports.reportId(display, plays.stream().map(UUID::toString).toList()), PlayReports.REPORT,
                Map.of("displayId", display.toString(), "plays", items));
    }

    /** A play as one event of its own, as the gateway sent plays before ADR 0033: such events stay on the topic. */
    public static void reportAsBefore(UUID tenant, UUID display, UUID play, long sequence, Instant startedAt) {
        record(tenant, display.toString(), play, PlayReports.PLAY, completed(display, sequence, startedAt));
    }

    /**
     * A report of one play as the gateway sends it (ADR 0038): stamped as checked against the
     * contract. Without {@code startedAt} (null) it breaks the contract all the same.
     */
    public static void reportStampedAsChecked(UUID tenant, UUID display, UUID play, long sequence, Instant startedAt) {
        var item = new HashMap<String, Object>(Map.of("playId", play.toString(), "sequence", sequence, "contentId", UUID.randomUUID().toString(),
                "durationMs", 10_000, "outcome", "completed"));
        if (startedAt != null) {
            item.put("startedAt", startedAt.toString());
        }
        var record = new ProducerRecord<>("vizora.playback", display.toString(), Envelope.json(PlayReports.reportId(display, List.of(play.toString())),
                PlayReports.REPORT, tenant, display.toString(), "device:" + display, Instant.now(), Map.of("displayId", display.toString(), "plays", List.of(item)),
                "/vizora/push-gateway"));
        record.headers().add(EventContract.CHECKED_HEADER, EventContract.load().stamp().getBytes(StandardCharsets.UTF_8));
        DomainEvents.shared().record(record);
    }

    private static Map<String, Object> completed(UUID display, long sequence, Instant startedAt) {
        return Map.of("displayId", display.toString(), "sequence", sequence, "contentId", UUID.randomUUID().toString(),
                "startedAt", startedAt.toString(), "durationMs", 10_000, "outcome", "completed", "fromCache", true);
    }

    private static void send(UUID tenant, UUID play, Map<String, Object> data) {
        var display = (String) data.get("displayId");
        var item = new HashMap<>(data);
        item.remove("displayId");
        item.put("playId", play.toString());
        record(tenant, display, PlayReports.reportId(UUID.fromString(display), List.of(play.toString())), PlayReports.REPORT,
                Map.of("displayId", display, "plays", List.of(item)));
    }

    private static void record(UUID tenant, String display, UUID id, String type, Map<String, Object> data) {
        DomainEvents.shared().record("vizora.playback", display,
                Envelope.json(id, type, tenant, display, "device:" + display, Instant.now(), data, "/vizora/push-gateway"));
    }
}
