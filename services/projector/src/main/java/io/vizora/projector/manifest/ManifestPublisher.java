package io.vizora.projector.manifest;

import io.vizora.device.ManifestDocument;
import io.vizora.platform.kafka.ReliableProducer;
import io.vizora.projector.ProjectorProperties;
import io.vizora.projector.live.FleetChanges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * Puts a compiled manifest where screens get it: in Redis for fetching by display (a newer
 * version only ever replaces an older one), and on the compacted {@value #TOPIC} topic keyed by
 * display, which the push gateway fans out. The hash also names the display's organisation, so the
 * gateway admits a device without reading the manifest. An unpaired display gets a tombstone in both.
 */
@Component
public class ManifestPublisher implements AutoCloseable {

    public static final String TOPIC = "vizora.manifests";

    /** Per key, in order: '1' if its manifest was stored, '0' if Redis already held that version or a newer one. */
    private static final RedisScript<String> NEWER_ONLY = RedisScript.of("""
            local stored = {}
            for i, key in ipairs(KEYS) do
              local at = (i - 1) * 4
              local current = redis.call('HGET', key, 'version')
              if current and tonumber(current) >= tonumber(ARGV[at + 1]) then
                stored[i] = '0'
              else
                redis.call('HSET', key, 'version', ARGV[at + 1], 'manifest', ARGV[at + 2], 'organisation', ARGV[at + 3], 'compiledAt', ARGV[at + 4])
                stored[i] = '1'
              end
            end
            return table.concat(stored)""", String.class);

    /** Kafka sends in flight at once; the producer batches them. */
    private static final int SENDING = 256;

    /** Manifests stored by one script call: big enough to save round trips, small enough not to hold Redis up. */
    private static final int STORING = 200;

    private final ReactiveStringRedisTemplate redis;
    private final FleetChanges changes;
    private final ReliableProducer producer;
    private final String prefix;

    public ManifestPublisher(ReactiveStringRedisTemplate redis, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                             ProjectorProperties properties, FleetChanges changes) {
        this.redis = redis;
        this.changes = changes;
        this.prefix = properties.redis().manifestPrefix();
        this.producer = new ReliableProducer(bootstrapServers);
    }

    public String key(UUID displayId) {
        return prefix + displayId;
    }

    /** Emits once Kafka acknowledged the manifest and Redis holds it (or a newer one). */
    public Mono<Void> publish(ManifestDocument manifest) {
        return publishAll(List.of(manifest));
    }

    /**
     * Emits once Kafka acknowledged every manifest and Redis holds each (or a newer one); live
     * consoles hear of the stored ones in one notice per organisation per script call.
     */
    public Mono<Void> publishAll(List<ManifestDocument> manifests) {
        return publishEncoded(manifests.stream().map(Encoded::of).toList());
    }

    /** The same, for manifests already written ({@link ManifestDocument.Stamp}). */
    public Mono<Void> publishEncoded(List<Encoded> manifests) {
        return Flux.fromIterable(manifests)
                .flatMapSequential(encoded -> producer.send(TOPIC, encoded.displayId().toString(), encoded.body()).thenReturn(encoded), SENDING)
                .buffer(STORING)
                .concatMap(this::store)
                .then();
    }

    /** A display's manifest as written ({@code body}), with what Redis and the live consoles need of it. */
    public record Encoded(UUID displayId, UUID organisationId, long version, Instant compiledAt, byte[] body) {
        static Encoded of(ManifestDocument manifest) {
            return new Encoded(manifest.displayId(), manifest.organisationId(), manifest.version(), manifest.compiledAt(), manifest.json());
        }
    }

    private Mono<Void> store(List<Encoded> batch) {
        var keys = new ArrayList<String>(batch.size());
        var args = new ArrayList<String>(batch.size() * 4);
        for (var manifest : batch) {
            keys.add(key(manifest.displayId()));
            args.addAll(List.of(Long.toString(manifest.version()), new String(manifest.body(), StandardCharsets.UTF_8),
                    manifest.organisationId().toString(), Long.toString(manifest.compiledAt().toEpochMilli())));
        }
        return redis.execute(NEWER_ONLY, keys, args).next()
                .flatMapMany(stored -> {
                    var changed = new LinkedHashMap<UUID, List<UUID>>();
                    for (int i = 0; i < batch.size(); i++) {
                        if (stored.charAt(i) == '1') {
                            var manifest = batch.get(i);
                            changed.computeIfAbsent(manifest.organisationId(), organisation -> new ArrayList<>()).add(manifest.displayId());
                        }
                    }
                    return Flux.fromIterable(changed.entrySet());
                })
                .concatMap(organisation -> changes.changed(organisation.getKey(), organisation.getValue()))
                .then();
    }

    /**
     * Redis first: a gateway takes reports only while the manifest is there, so from this moment on
     * nothing of the display is published; the tombstone then closes its sockets on every gateway.
     */
    public Mono<Void> withdraw(UUID displayId) {
        return redis.delete(key(displayId)).then(producer.send(TOPIC, displayId.toString(), null)).then();
    }

    @Override
    public void close() {
        producer.close();
    }
}
