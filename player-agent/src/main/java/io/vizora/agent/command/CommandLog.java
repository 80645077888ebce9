package io.vizora.agent.command;

import io.vizora.agent.Json;
import io.vizora.agent.SafeFiles;
import io.vizora.device.CommandStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What this screen did with each fleet command, on disk ({@code commands.json}): a command that
 * arrives again (over both of the gateway's paths, or after a restart the command itself asked
 * for) is answered from here and never runs twice; statuses the gateway has not acknowledged yet
 * are sent again. Entries are kept for a day past their command's expiry, after which no gateway
 * offers the command any more.
 */
public final class CommandLog {

    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    /** The newest status of a command, and whether the gateway acknowledged it. */
    public record Entry(CommandStatus status, Instant expiresAt, boolean reported) {
    }

    private final Path file;
    private final Map<UUID, Entry> entries = new LinkedHashMap<>();

    public CommandLog(Path dataDir) throws IOException {
        this.file = SafeFiles.directory(dataDir).resolve("commands.json");
        if (Files.exists(file)) {
            try {
                Json.MAPPER.readTree(file.toFile()).forEach(this::load);
            } catch (RuntimeException unreadable) {
                // a torn file loses the memory of old commands, never the agent
                entries.clear();
            }
        }
    }

    private void load(JsonNode node) {
        var status = CommandStatus.read(node.get("status"));
        entries.put(status.commandId(), new Entry(status, Instant.parse(node.get("expiresAt").asString()), node.path("reported").asBoolean()));
    }

    public synchronized Optional<Entry> get(UUID commandId) {
        return Optional.ofNullable(entries.get(commandId));
    }

    /** Records a new status, not yet reported. */
    public synchronized void record(CommandStatus status, Instant expiresAt) throws IOException {
        entries.remove(status.commandId());
        entries.put(status.commandId(), new Entry(status, expiresAt, false));
        save();
    }

    /** Marks the status as acknowledged, unless a newer one was recorded meanwhile. */
    public synchronized void reported(CommandStatus status) throws IOException {
        var entry = entries.get(status.commandId());
        if (entry != null && entry.status().equals(status)) {
            entries.put(status.commandId(), new Entry(status, entry.expiresAt(), true));
            save();
            notifyAll();
        }
    }

    /** Waits until the status is acknowledged, at most {@code within}; whether it was. */
    public synchronized boolean awaitReported(CommandStatus status, Duration within) throws InterruptedException {
        var until = Instant.now().plus(within);
        while (unreported().contains(status)) {
            var left = Duration.between(Instant.now(), until);
            if (left.isNegative() || left.isZero()) {
                return false;
            }
            wait(Math.max(1, left.toMillis()));
        }
        return true;
    }

    /** A status recorded again to be sent again (the same command arrived after its outcome). */
    public synchronized void unreport(UUID commandId) throws IOException {
        var entry = entries.get(commandId);
        if (entry != null && entry.reported()) {
            entries.put(commandId, new Entry(entry.status(), entry.expiresAt(), false));
            save();
        }
    }

    public synchronized List<CommandStatus> unreported() {
        return entries.values().stream().filter(entry -> !entry.reported()).map(Entry::status).toList();
    }

    private void save() throws IOException {
        var now = Instant.now();
        entries.values().removeIf(entry -> entry.reported() && entry.expiresAt().plus(KEPT_AFTER_EXPIRY).isBefore(now));
        var nodes = new ArrayList<ObjectNode>();
        entries.values().forEach(entry -> {
            var node = Json.MAPPER.createObjectNode().put("expiresAt", entry.expiresAt().toString()).put("reported", entry.reported());
            node.set("status", entry.status().json());
            nodes.add(node);
        });
        SafeFiles.write(file, Json.MAPPER.writeValueAsBytes(nodes));
    }
}
