package io.vizora.projector.query;

import io.swagger.v3.oas.annotations.Operation;
import io.r2dbc.spi.Readable;
import io.vizora.platform.security.Organisations;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Where each display stands with the fleet commands sent to it, for the caller's organisation only. */
@RestController
@RequestMapping("/api/v1")
class CommandController {

    /**
     * One command at one display. {@code state}: sent (not received yet), delivered (the agent has
     * it), done, failed, refused (the agent did not run it, and why is in {@code detail}), or expired
     * (not received before {@code expiresAt}; it will never run).
     */
    record DisplayCommand(UUID commandId, UUID displayId, String command, String state, Instant issuedAt, Instant expiresAt,
                          Instant deliveredAt, Instant finishedAt, String detail, UUID screenshotId) {
    }

    private static final String SELECT = """
            SELECT command_id, display_id, command, issued_at, expires_at, delivered_at, finished_at, detail, screenshot_id,
                   CASE WHEN state IN ('sent', 'delivered') AND expires_at <= now() THEN 'expired' ELSE state END AS state
            FROM display_command WHERE organisation_id = :organisation AND issued_at IS NOT NULL""";

    private final DatabaseClient db;

    CommandController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping("/displays/{displayId}/commands")
    @Operation(summary = "The commands sent to a display, newest first, each with its state (sent, delivered, done, failed, refused, expired)")
    Flux<DisplayCommand> ofDisplay(@AuthenticationPrincipal Object principal, @PathVariable UUID displayId,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        var organisation = Organisations.of(principal);
        return db.sql("SELECT 1 FROM display WHERE id = :display AND organisation_id = :organisation")
                .bind("display", displayId).bind("organisation", organisation).map(row -> true).one()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no display " + displayId + ".")))
                .thenMany(db.sql(SELECT + " AND display_id = :display ORDER BY issued_at DESC, command_id LIMIT :limit")
                        .bind("organisation", organisation).bind("display", displayId).bind("limit", limit)
                        .map(CommandController::entry).all());
    }

    @GetMapping("/commands/{commandId}")
    @Operation(summary = "One command's state at each display it was sent to")
    Flux<DisplayCommand> command(@AuthenticationPrincipal Object principal, @PathVariable UUID commandId) {
        return db.sql(SELECT + " AND command_id = :command ORDER BY display_id")
                .bind("organisation", Organisations.of(principal)).bind("command", commandId)
                .map(CommandController::entry).all()
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no command " + commandId + ".")));
    }

    private static DisplayCommand entry(Readable row) {
        return new DisplayCommand(row.get("command_id", UUID.class), row.get("display_id", UUID.class), row.get("command", String.class),
                row.get("state", String.class), instant(row, "issued_at"), instant(row, "expires_at"), instant(row, "delivered_at"),
                instant(row, "finished_at"), row.get("detail", String.class), row.get("screenshot_id", UUID.class));
    }

    private static Instant instant(Readable row, String column) {
        return Optional.ofNullable(row.get(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null);
    }
}
