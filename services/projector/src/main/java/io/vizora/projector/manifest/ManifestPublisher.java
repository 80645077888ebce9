package io.vizora.projector.manifest;

import io.vizora.platform.kafka.ReliableProducer;
import io.vizora.projector.ProjectorProperties;
import io.vizora.projector.live.FleetChanges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
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

    private static final RedisScript<Long> NEWER_ONLY = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], 'version')
            if current and tonumber(current) >= tonumber(ARGV[1]) then return 0 end
            redis.call('HSET', KEYS[1], 'version', ARGV[1], 'manifest', ARGV[2], 'organisation', ARGV[3], 'compiledAt', ARGV[4])
            return 1""", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final FleetChanges changes;
    private final ReliableProducer producer;
    private final JsonMapper json;
    private final String prefix;

    public ManifestPublisher(ReactiveStringRedisTemplate redis, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                             ProjectorProperties properties, FleetChanges changes) {
        this.redis = redis;
        this.changes = changes;
        this.prefix = properties.redisPrefix() + "manifest:";
        this.json = JsonMapper.builder().build();
        this.producer = new ReliableProducer(bootstrapServers);
    }

    public String key(UUID displayId) {
        return prefix + displayId;
    }

    /** Emits once Kafka acknowledged the manifest and Redis holds it (or a newer one). */
    public Mono<Void> publish(ManifestDocument manifest) {
        var body = json.writeValueAsBytes(manifest);
        return producer.send(TOPIC, manifest.displayId().toString(), body)
                .then(redis.execute(NEWER_ONLY, List.of(key(manifest.displayId())),
                        List.of(Long.toString(manifest.version()), new String(body, StandardCharsets.UTF_8),
                                manifest.organisationId().toString(), Long.toString(manifest.compiledAt().toEpochMilli())))
                        .next()
                        .filter(stored -> stored == 1)
                        .flatMap(stored -> changes.changed(manifest.organisationId(), manifest.displayId())));
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
