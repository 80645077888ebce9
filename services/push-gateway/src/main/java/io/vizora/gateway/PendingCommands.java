package io.vizora.gateway;

import io.vizora.device.FleetCommand;
import io.vizora.device.RedisLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/** The open fleet commands of a display, as the projector queues them in Redis ({@link RedisLayout#commands}). */
@Component
public class PendingCommands {

    private static final Logger log = LoggerFactory.getLogger(PendingCommands.class);

    private final ReactiveStringRedisTemplate redis;
    private final RedisLayout layout;

    public PendingCommands(ReactiveStringRedisTemplate redis, @Value("${vizora.gateway.redis-prefix}") String prefix) {
        this.redis = redis;
        this.layout = new RedisLayout(prefix);
    }

    /** The display's commands that have not expired, oldest first; one that does not read is skipped. */
    public Flux<FleetCommand> of(UUID displayId) {
        var now = Instant.now();
        return redis.<String, String>opsForHash().values(layout.commands(displayId))
                .flatMap(text -> Mono.fromCallable(() -> FleetCommand.read(text))
                        .onErrorResume(IllegalArgumentException.class, bad -> {
                            log.atWarn().addKeyValue("display", displayId).log("skipped a queued command that does not read: {}", bad.getMessage());
                            return Mono.empty();
                        }))
                .filter(command -> !command.expiredAt(now))
                .sort(java.util.Comparator.comparing(FleetCommand::issuedAt));
    }
}
