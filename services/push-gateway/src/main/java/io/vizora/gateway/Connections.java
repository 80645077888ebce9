package io.vizora.gateway;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Sinks;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The agents connected to this gateway instance, by display: where to send what concerns a display. */
@Component
public class Connections {

    private final Map<UUID, Set<Sinks.Many<Message>>> byDisplay = new ConcurrentHashMap<>();

    public void add(UUID displayId, Sinks.Many<Message> outbound) {
        byDisplay.computeIfAbsent(displayId, id -> ConcurrentHashMap.newKeySet()).add(outbound);
    }

    public void remove(UUID displayId, Sinks.Many<Message> outbound) {
        byDisplay.computeIfPresent(displayId, (id, sinks) -> {
            sinks.remove(outbound);
            return sinks.isEmpty() ? null : sinks;
        });
    }

    /** Sends to every connection of the display; {@code last} ends them afterwards. */
    public void send(UUID displayId, Message message, boolean last) {
        for (var sink : byDisplay.getOrDefault(displayId, Set.of())) {
            sink.emitNext(message, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(100)));
            if (last) {
                sink.tryEmitComplete();
            }
        }
    }

    public int count() {
        return byDisplay.values().stream().mapToInt(Set::size).sum();
    }
}
