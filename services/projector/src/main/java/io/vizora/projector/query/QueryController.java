package io.vizora.projector.query;

import io.vizora.platform.security.Organisations;
import io.r2dbc.postgresql.codec.Json;
import io.vizora.projector.manifest.CompilationInputs;
import io.vizora.projector.manifest.ManifestPublisher;
import io.vizora.projector.presence.Presence;
import io.vizora.projector.state.Targeting;
import io.vizora.schedule.Playhead;
import io.vizora.schedule.ScheduleCompiler;
import io.vizora.schedule.CampaignWindow;
import io.vizora.schedule.Slice;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The operators' read models, always of the caller's organisation: another's display is 404. */
@RestController
@RequestMapping("/api/v1")
class QueryController {

    record CampaignEntry(UUID campaignId, String name, String state, String kind, int priority, LocalDate startDate, LocalDate endDate,
                         long displaysReached) {
    }

    record AuditEntry(UUID eventId, Instant occurredAt, String principal, String type, String subject, JsonNode data) {
    }

    private static final Duration LONGEST_PLAN = Duration.ofDays(31);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient db;
    private final CompilationInputs inputs;
    private final FleetView fleet;

    QueryController(DatabaseClient db, CompilationInputs inputs, FleetView fleet) {
        this.db = db;
        this.inputs = inputs;
        this.fleet = fleet;
    }

    @GetMapping("/fleet")
    Flux<FleetView.FleetEntry> fleet(@AuthenticationPrincipal Object principal) {
        return fleet.all(Organisations.of(principal));
    }

    @GetMapping("/campaign-overview")
    Flux<CampaignEntry> campaigns(@AuthenticationPrincipal Object principal) {
        return db.sql("""
                        SELECT c.id, c.name, c.state, c.kind, c.priority, c.start_date, c.end_date,
                               (SELECT count(*) FROM display d WHERE d.organisation_id = c.organisation_id AND """ + Targeting.REACHES + """
                               ) AS reached
                        FROM campaign c WHERE c.organisation_id = :organisation ORDER BY c.start_date, lower(c.name), c.id""")
                .bind("organisation", Organisations.of(principal))
                .map(row -> new CampaignEntry(row.get("id", UUID.class), row.get("name", String.class), row.get("state", String.class),
                        row.get("kind", String.class), row.get("priority", Integer.class), row.get("start_date", LocalDate.class),
                        row.get("end_date", LocalDate.class), row.get("reached", Long.class)))
                .all();
    }

    @GetMapping("/audit")
    Flux<AuditEntry> audit(@AuthenticationPrincipal Object principal, @RequestParam(defaultValue = "100") int limit,
                           @RequestParam(required = false) Instant before) {
        if (limit < 1 || limit > 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and 1000");
        }
        if (before != null) {
            QueryPeriods.requireWithin("before", before);
        }
        return db.sql("""
                        SELECT event_id, occurred_at, principal, type, subject, data FROM audit_log
                        WHERE organisation_id = :organisation AND occurred_at < :before
                        ORDER BY occurred_at DESC, event_id LIMIT :limit""")
                .bind("organisation", Organisations.of(principal))
                .bind("before", OffsetDateTime.ofInstant(before == null ? Instant.now().plusSeconds(1) : before, java.time.ZoneOffset.UTC))
                .bind("limit", limit)
                .map(row -> new AuditEntry(row.get("event_id", UUID.class), row.get("occurred_at", OffsetDateTime.class).toInstant(),
                        row.get("principal", String.class), row.get("type", String.class), row.get("subject", String.class),
                        JSON.readTree(row.get("data", Json.class).asString())))
                .all();
    }

    /**
     * A display's timeline as operators read it: the compiled slices (what plays, and which campaigns
     * won), and every campaign's own windows, winning or not, so a calendar can show the conflicts.
     */
    record TimelineView(UUID displayId, Instant from, Instant to, List<Slice> slices, List<CampaignWindow> windows) {
    }

    /** What a display will play between two instants (at most 31 days apart), compiled from the current state. */
    @GetMapping("/displays/{displayId}/timeline")
    Mono<TimelineView> timeline(@AuthenticationPrincipal Object principal, @PathVariable UUID displayId, @RequestParam Instant from, @RequestParam Instant to) {
        QueryPeriods.requireWithin(from, to);
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(LONGEST_PLAN) > 0) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to, at most 31 days apart"));
        }
        return inputs.forDisplay(displayId)
                .filter(found -> found.organisationId().equals(Organisations.of(principal)))
                .map(found -> {
                    var horizon = Duration.between(from, to);
                    var timeline = ScheduleCompiler.compile(found.display(), found.campaigns(), found.library(), from, horizon);
                    return new TimelineView(timeline.displayId(), timeline.from(), timeline.to(), timeline.slices(),
                            ScheduleCompiler.windows(found.display(), found.campaigns(), found.library(), from, horizon));
                })
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no display " + displayId + ".")));
    }
}
