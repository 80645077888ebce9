package io.vizora.projector.manifest;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.vizora.projector.ProjectorProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts a compiled manifest where screens get it: in Redis for fetching by display (a newer
 * version only ever replaces an older one), and on the compacted {@value #TOPIC} topic keyed by
 * display, which the push gateway fans out. An unpaired display gets a tombstone in both.
 */
@Component
public class ManifestPublisher implements AutoCloseable {

    public static final String TOPIC = "vizora.manifests";

    private static final RedisScript<Long> NEWER_ONLY = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], 'version')
            if current and tonumber(current) >= tonumber(ARGV[1]) then return 0 end
            redis.call('HSET', KEYS[1], 'version', ARGV[1], 'manifest', ARGV[2])
            return 1""", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final KafkaProducer<String, byte[]> producer;
    private final JsonMapper json;
    private final String prefix;

    public ManifestPublisher(ReactiveStringRedisTemplate redis, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                             ProjectorProperties properties) {
        this.redis = redis;
        this.prefix = properties.redisPrefix() + "manifest:";
        this.json = JsonMapper.builder().build();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer());
    }

    public String key(UUID displayId) {
        return prefix + displayId;
    }

    /** Emits once Kafka acknowledged the manifest and Redis holds it (or a newer one). */
    public Mono<Void> publish(ManifestDocument manifest) {
        var body = json.writeValueAsBytes(manifest);
        return send(manifest.displayId(), body)
                .then(redis.execute(NEWER_ONLY, List.of(key(manifest.displayId())),
                        List.of(Long.toString(manifest.version()), new String(body, StandardCharsets.UTF_8))).then());
    }

    public Mono<Void> withdraw(UUID displayId) {
        return send(displayId, null).then(redis.delete(key(displayId))).then();
    }

    private Mono<Void> send(UUID displayId, byte[] body) {
        return Mono.create(sink -> producer.send(new ProducerRecord<>(TOPIC, displayId.toString(), body), (metadata, failure) -> {
            if (failure == null) {
                sink.success();
            } else {
                sink.error(failure);
            }
        }));
    }

    @Override
    public void close() {
        producer.close();
    }
}
