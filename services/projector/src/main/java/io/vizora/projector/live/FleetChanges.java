package io.vizora.projector.live;

import io.vizora.projector.ProjectorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which displays of an organisation changed as operators see them (online, offline, in or out of
 * sync, what the screen shows, a new manifest), on a Redis channel per organisation: whichever
 * projector instance notices a change, every instance holding an operator's live stream hears it.
 * A notice names only displays (one, or a batch's, separated by commas); the stream reads their
 * current entries, so a lost or repeated notice costs at most a late or a second update, never a
 * wrong one.
 */
@Component
public class FleetChanges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetChanges.class);

    private static final String SEPARATOR = ",";

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisMessageListenerContainer listeners;
    private final String prefix;

    public FleetChanges(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory connections, ProjectorProperties properties) {
        this.redis = redis;
        this.listeners = new ReactiveRedisMessageListenerContainer(connections);
        this.prefix = properties.redisPrefix() + "fleet-changes:";
    }

    /** Tells every live stream of the organisation that the display changed; a failure is logged, the change itself stands. */
    public Mono<Void> changed(UUID organisationId, UUID displayId) {
        return changed(organisationId, List.of(displayId));
    }

    /** Tells every live stream of the organisation that these displays changed, in one notice. */
    public Mono<Void> changed(UUID organisationId, Collection<UUID> displayIds) {
        if (displayIds.isEmpty()) {
            return Mono.empty();
        }
        var notice = displayIds.stream().map(UUID::toString).collect(Collectors.joining(SEPARATOR));
        return redis.convertAndSend(prefix + organisationId, notice)
                .doOnError(failure -> log.atWarn().setCause(failure).addKeyValue("organisationId", organisationId)
                        .addKeyValue("displays", displayIds.size())
                        .log("a fleet change was not announced; live consoles catch up at their next full read"))
                .onErrorComplete()
                .then();
    }

    /** The same, for callers on a thread that may wait (the presence consumer, the sweeper). */
    public void changedNow(UUID organisationId, UUID displayId) {
        changed(organisationId, displayId).block(java.time.Duration.ofSeconds(5));
    }

    /** Emits the stream of changed displays once the subscription is in place, so nothing after it is missed. */
    public Mono<Flux<UUID>> of(UUID organisationId) {
        return listeners.receiveLater(ChannelTopic.of(prefix + organisationId))
                .map(messages -> messages.concatMapIterable(message -> Arrays.stream(message.getMessage().split(SEPARATOR))
                        .map(UUID::fromString).toList()));
    }

    @Override
    public void close() {
        listeners.destroy();
    }
}
