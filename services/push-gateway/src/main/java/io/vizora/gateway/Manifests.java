package io.vizora.gateway;

import io.vizora.device.RedisLayout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * The newest manifest of each display, as the projector keeps it in Redis. A display without one
 * is not paired (or not yet compiled): the gateway lets only paired displays in.
 */
@Component
public class Manifests {

    public record Stored(long version, String json) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final RedisLayout layout;

    public Manifests(ReactiveStringRedisTemplate redis, @Value("${vizora.gateway.redis-prefix}") String prefix) {
        this.redis = redis;
        this.layout = new RedisLayout(prefix);
    }

    /** The newest manifest of the device's display, if the display is paired to the device's organisation. */
    public Mono<Stored> of(DeviceAuthentication.Device device) {
        return redis.<String, String>opsForHash().multiGet(layout.manifest(device.displayId()), java.util.List.of("version", "manifest", "organisation"))
                .filter(values -> values.get(0) != null && values.get(1) != null
                        && device.organisationId().toString().equals(values.get(2)))
                .map(values -> new Stored(Long.parseLong(values.get(0)), values.get(1)));
    }
}
