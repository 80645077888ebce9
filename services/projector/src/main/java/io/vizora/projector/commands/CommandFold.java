package io.vizora.projector.commands;

import io.vizora.consumer.ConsumedEvent;
import io.vizora.consumer.EventHandler;
import io.vizora.device.CommandStatus;
import io.vizora.device.FleetCommand;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.UUID;

/**
 * Folds fleet commands into each display's progress ({@code display_command}) and keeps the open
 * ones queued for the gateway ({@link CommandQueue}); also the newest screenshot of each display.
 * The queue is written inside the fold; its writes are idempotent, so a batch retried after a
 * failure writes the same again (ADR 0028).
 */
public final class CommandFold implements EventHandler {

    public static final String ISSUED = "vizora.fleet.command_issued.v1";
    public static final String REPORTED = "vizora.fleet.command_reported.v1";
    public static final String SCREENSHOT_TAKEN = "vizora.fleet.screenshot_taken.v1";
    private static final String UNPAIRED = "vizora.fleet.display_unpaired.v1";

    /** sent < delivered < the final states: a state only moves forward. */
    private static final String RANK = "(CASE %s WHEN 'sent' THEN 0 WHEN 'delivered' THEN 1 ELSE 2 END)";

    private final CommandQueue queue;

    public CommandFold(CommandQueue queue) {
        this.queue = queue;
    }

    @Override
    public boolean folds(String type) {
        return type.equals(ISSUED) || type.equals(REPORTED) || type.equals(SCREENSHOT_TAKEN) || type.equals(UNPAIRED);
    }

    /** The queue is written in the effect: while Redis is away, a command waits rather than being dead-lettered (ADR 0042). */
    @Override
    public Mono<Void> otherStoresAnswer() {
        return queue.answers();
    }

    @Override
    public Mono<Void> apply(ConsumedEvent event, DatabaseClient db) {
        var data = event.data();
        return switch (event.type()) {
            case ISSUED -> issued(event.tenantId(), data, db);
            case REPORTED -> reported(event.tenantId(), data, db);
            case SCREENSHOT_TAKEN -> db.sql("""
                            INSERT INTO display_screenshot (display_id, organisation_id, screenshot_id, taken_at)
                            VALUES (:display, :tenant, :screenshot, :at)
                            ON CONFLICT (display_id) DO UPDATE SET screenshot_id = EXCLUDED.screenshot_id, taken_at = EXCLUDED.taken_at
                            WHERE display_screenshot.taken_at < EXCLUDED.taken_at AND display_screenshot.organisation_id = EXCLUDED.organisation_id""")
                    .bind("display", uuid(data, "displayId")).bind("tenant", event.tenantId()).bind("screenshot", uuid(data, "screenshotId"))
                    .bind("at", time(data, "takenAt")).then();
            case UNPAIRED -> {
                var display = uuid(data, "displayId");
                yield db.sql("DELETE FROM display_command WHERE display_id = :display AND organisation_id = :tenant")
                        .bind("display", display).bind("tenant", event.tenantId()).then()
                        .then(db.sql("DELETE FROM display_screenshot WHERE display_id = :display AND organisation_id = :tenant")
                                .bind("display", display).bind("tenant", event.tenantId()).then())
                        .then(queue.forget(display));
            }
            default -> Mono.empty();
        };
    }

    /**
     * A row per display; those not finished yet are queued. A report may have come first (it is
     * keyed by its display, the command by itself, so they travel on different partitions): its
     * row keeps its state and is not queued.
     */
    private Mono<Void> issued(UUID tenant, JsonNode data, DatabaseClient db) {
        var command = new FleetCommand(uuid(data, "commandId"), data.get("command").asString(), Instant.parse(data.get("issuedAt").asString()),
                Instant.parse(data.get("expiresAt").asString()));
        var displays = new ArrayList<UUID>();
        data.get("displayIds").forEach(id -> displays.add(UUID.fromString(id.asString())));
        return db.sql("""
                        WITH issued AS (
                            INSERT INTO display_command (display_id, command_id, organisation_id, command, issued_at, expires_at, state)
                            SELECT d, :command, :tenant, :name, :issued, :expires, 'sent' FROM unnest(CAST(:displays AS uuid[])) AS d
                            ON CONFLICT (display_id, command_id) DO UPDATE
                                SET command = EXCLUDED.command, issued_at = EXCLUDED.issued_at, expires_at = EXCLUDED.expires_at
                                WHERE display_command.organisation_id = EXCLUDED.organisation_id
                            RETURNING display_id, state)
                        SELECT display_id FROM issued WHERE state IN ('sent', 'delivered')""")
                .bind("command", command.commandId()).bind("tenant", tenant).bind("name", command.command())
                .bind("issued", command.issuedAt().atOffset(ZoneOffset.UTC)).bind("expires", command.expiresAt().atOffset(ZoneOffset.UTC))
                .bind("displays", displays.toArray(UUID[]::new))
                .map(row -> row.get("display_id", UUID.class))
                .all()
                .collectList()
                .flatMap(open -> queue.enqueue(command, open));
    }

    private Mono<Void> reported(UUID tenant, JsonNode data, DatabaseClient db) {
        var status = CommandStatus.read(data);
        var display = uuid(data, "displayId");
        var at = status.at().atOffset(ZoneOffset.UTC);
        var spec = db.sql(("""
                        INSERT INTO display_command (display_id, command_id, organisation_id, state, delivered_at, finished_at, detail, screenshot_id)
                        VALUES (:display, :command, :tenant, :state, :at, :finished, :detail, :screenshot)
                        ON CONFLICT (display_id, command_id) DO UPDATE SET
                            state = CASE WHEN %1$s > %2$s THEN EXCLUDED.state ELSE display_command.state END,
                            detail = CASE WHEN %1$s > %2$s THEN EXCLUDED.detail ELSE display_command.detail END,
                            delivered_at = COALESCE(display_command.delivered_at, EXCLUDED.delivered_at),
                            finished_at = COALESCE(display_command.finished_at, EXCLUDED.finished_at),
                            screenshot_id = COALESCE(display_command.screenshot_id, EXCLUDED.screenshot_id)
                        WHERE display_command.organisation_id = EXCLUDED.organisation_id""")
                        .formatted(RANK.formatted("EXCLUDED.state"), RANK.formatted("display_command.state")))
                .bind("display", display).bind("command", status.commandId()).bind("tenant", tenant).bind("state", status.state().wire())
                .bind("at", at);
        spec = status.state().isFinal() ? spec.bind("finished", at) : spec.bindNull("finished", OffsetDateTime.class);
        spec = status.detail() == null ? spec.bindNull("detail", String.class) : spec.bind("detail", status.detail());
        spec = status.screenshotId() == null ? spec.bindNull("screenshot", UUID.class) : spec.bind("screenshot", status.screenshotId());
        return spec.then().then(status.state().isFinal() ? queue.remove(display, status.commandId()) : Mono.empty());
    }

    private static UUID uuid(JsonNode data, String field) {
        return UUID.fromString(data.get(field).asString());
    }

    private static OffsetDateTime time(JsonNode data, String field) {
        return Instant.parse(data.get(field).asString()).atOffset(ZoneOffset.UTC);
    }
}
