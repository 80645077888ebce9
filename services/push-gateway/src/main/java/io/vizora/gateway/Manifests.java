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
        return redis.<String, String>opsForHash().multiGet(layout.manifest(device.displayId()), java.util.List.of("organisation", "version", "manifest"))
                .filter(values -> ofItsOrganisation(device, values) && values.get(2) != null)
                .map(values -> new Stored(Long.parseLong(values.get(1)), values.get(2)));
    }

    /**
     * Whether the device's display is paired to the device's organisation, without reading its
     * manifest: every heartbeat and report asks, and a manifest runs to tens of kilobytes.
     */
    public Mono<Boolean> paired(DeviceAuthentication.Device device) {
        return redis.<String, String>opsForHash().multiGet(layout.manifest(device.displayId()), java.util.List.of("organisation", "version"))
                .map(values -> ofItsOrganisation(device, values));
    }

    private static boolean ofItsOrganisation(DeviceAuthentication.Device device, java.util.List<String> values) {
        return device.organisationId().toString().equals(values.get(0)) && values.get(1) != null;
    }
}
