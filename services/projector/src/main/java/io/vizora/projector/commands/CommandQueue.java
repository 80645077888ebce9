package io.vizora.projector.commands;

import io.vizora.device.FleetCommand;
import io.vizora.device.RedisLayout;
import io.vizora.projector.ProjectorProperties;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The open commands of each display in Redis ({@link RedisLayout#commands}), where the push gateway
 * finds them when an agent connects or beats: a command goes in when it is issued, comes out when
 * the display reports its outcome, and the display's hash lives as long as its longest command.
 * Every write is idempotent, so folding an event again (a retried batch) changes nothing.
 */
@Component
public class CommandQueue {

    /** HSET, then stretch the hash's life to the command's expiry if that is later. */
    private static final RedisScript<Long> ENQUEUE = RedisScript.of("""
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
            return 1""", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisLayout layout;

    public CommandQueue(ReactiveStringRedisTemplate redis, ProjectorProperties properties) {
        this.redis = redis;
        this.layout = properties.redis();
    }

    /** Queues the command for the displays, unless it has expired. */
    public Mono<Void> enqueue(FleetCommand command, Collection<UUID> displayIds) {
        var life = Duration.between(Instant.now(), command.expiresAt());
        if (life.isNegative() || life.isZero() || displayIds.isEmpty()) {
            return Mono.empty();
        }
        var text = command.text();
        return Flux.fromIterable(displayIds)
                .flatMap(display -> redis.execute(ENQUEUE, List.of(layout.commands(display)),
                        List.of(command.commandId().toString(), text, Long.toString(life.toMillis()))), 64)
                .then();
    }

    /** Completes when Redis answers a PING, fails otherwise. */
    public Mono<Void> answers() {
        return redis.execute(connection -> connection.ping()).then();
    }

    public Mono<Void> remove(UUID displayId, UUID commandId) {
        return redis.opsForHash().remove(layout.commands(displayId), commandId.toString()).then();
    }

    public Mono<Void> forget(UUID displayId) {
        return redis.delete(layout.commands(displayId)).then();
    }
}
