package io.vizora.projector.analytics;

import io.vizora.schemas.Envelope;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Plays as the push gateway puts them on vizora.playback: a completed 10 s play of new content. */
public final class Plays {

    private Plays() {
    }

    public static void report(KafkaProducer<String, byte[]> producer, UUID tenant, UUID display, UUID play, long sequence, Instant startedAt) {
        report(producer, tenant, display, play, sequence, startedAt, UUID.randomUUID(), "completed");
    }

    public static void report(KafkaProducer<String, byte[]> producer, UUID tenant, UUID display, UUID play, long sequence, Instant startedAt,
                              UUID content, String outcome) {
        var data = Map.of("displayId", display.toString(), "sequence", sequence, "contentId", content.toString(),
                "startedAt", startedAt.toString(), "durationMs", outcome.equals("failed") ? 0 : 10_000, "outcome", outcome, "fromCache", true);
        producer.send(new ProducerRecord<>("vizora.playback", display.toString(),
                Envelope.json(play, "vizora.playback.play_reported.v1", tenant, display.toString(), "device:" + display, Instant.now(), data,
                        "/vizora/push-gateway")));
    }
}
