package io.vizora.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agents connected to this gateway instance, by display: where to send what concerns a display.
 * On shutdown every socket is closed with 1001 (going away) before the web server stops, so agents
 * reconnect to another instance at once instead of holding the shutdown up.
 */
@Component
public class Connections implements SmartLifecycle {

    private final Map<UUID, Set<DeviceSession>> byDisplay = new ConcurrentHashMap<>();
    private volatile boolean running;

    public Connections(MeterRegistry meters) {
        Gauge.builder("vizora.gateway.connections", this, Connections::count).description("agent sockets open on this instance").register(meters);
    }

    void add(UUID displayId, DeviceSession session) {
        byDisplay.computeIfAbsent(displayId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void remove(UUID displayId, DeviceSession session) {
        byDisplay.computeIfPresent(displayId, (id, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    /** Whether an agent of the display is connected to this instance. */
    public boolean holds(UUID displayId) {
        return byDisplay.containsKey(displayId);
    }

    /** Sends to every connection of the display. */
    public void send(UUID displayId, Message message) {
        byDisplay.getOrDefault(displayId, Set.of()).forEach(session -> session.deliver(message));
    }

    /** Offers a fleet command to every connection of the display; each sends it once. */
    public void offer(UUID displayId, io.vizora.device.FleetCommand command) {
        byDisplay.getOrDefault(displayId, Set.of()).forEach(session -> session.offer(command));
    }

    /** Closes every connection of the display with {@code status}, after what was sent to it. */
    public void end(UUID displayId, CloseStatus status) {
        byDisplay.getOrDefault(displayId, Set.of()).forEach(session -> session.end(status));
    }

    public int count() {
        return byDisplay.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        byDisplay.values().forEach(sessions -> sessions.forEach(session -> session.end(CloseStatus.GOING_AWAY)));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown, which would otherwise wait for these sockets. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
