package io.vizora.projector.query;

import io.vizora.platform.security.AccessRevocations;
import io.vizora.platform.security.ApiKeyDirectory;
import io.vizora.platform.security.Organisations;
import io.vizora.projector.keys.KeyFold;
import io.vizora.projector.live.FleetChanges;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The fleet view, live: server-sent events of the caller's organisation only. First {@code ready}
 * (from then on no change is missed: the client reads the whole fleet once), then {@code displays}
 * with the current entries of the displays that changed, gathered over a quarter of a second. The
 * stream ends when the caller's token expires (or after an hour for API keys), and, checked every
 * few seconds, once the operator's access changed or the key was revoked: what a request would be
 * refused, a stream does not go on carrying. The client reconnects with fresh credentials.
 */
@RestController
@RequestMapping("/api/v1/fleet")
class FleetChangesController {

    static final Duration GATHER = Duration.ofMillis(250);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);
    private static final Duration LONGEST = Duration.ofHours(1);
    private static final int MOST_AT_ONCE = 1_000;
    private static final Duration RECHECK = Duration.ofSeconds(5);

    private final FleetChanges changes;
    private final FleetView fleet;
    private final AccessRevocations revocations;
    private final DatabaseClient db;

    FleetChangesController(FleetChanges changes, FleetView fleet, AccessRevocations revocations, DatabaseClient db) {
        this.changes = changes;
        this.fleet = fleet;
        this.revocations = revocations;
        this.db = db;
    }

    @GetMapping(path = "/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> changes(@AuthenticationPrincipal Object principal) {
        var organisationId = Organisations.of(principal);
        return changes.of(organisationId).flatMapMany(changed -> {
            var displays = changed
                    .bufferTimeout(MOST_AT_ONCE, GATHER)
                    .concatMap(ids -> fleet.of(organisationId, new LinkedHashSet<>(ids)).collectList())
                    .filter(entries -> !entries.isEmpty())
                    .map(entries -> ServerSentEvent.<Object>builder(entries).event("displays").build());
            var keepAlive = Flux.interval(KEEP_ALIVE).map(tick -> ServerSentEvent.<Object>builder().comment("still here").build());
            return Flux.just(ServerSentEvent.<Object>builder(Map.of("at", Instant.now().toString())).event("ready").build())
                    .concatWith(Flux.merge(displays, keepAlive));
        }).take(lifetime(principal)).takeUntilOther(accessEnds(principal));
    }

    /** Emits once the caller would be refused now; asked every few seconds, one lookup each. */
    private Mono<Void> accessEnds(Object principal) {
        return Flux.interval(RECHECK)
                .concatMap(tick -> stillAllowed(principal))
                .filter(allowed -> !allowed)
                .next().then();
    }

    private Mono<Boolean> stillAllowed(Object principal) {
        return switch (principal) {
            case Jwt jwt -> revocations.guard(token -> Mono.just(jwt)).decode(jwt.getTokenValue()).thenReturn(true)
                    .onErrorResume(JwtException.class, refused -> Mono.just(false));
            case ApiKeyDirectory.Holder key -> KeyFold.KEYS.live(db, key.apiKeyId());
            default -> Mono.just(true);
        };
    }

    private static Duration lifetime(Object principal) {
        if (principal instanceof Jwt jwt && jwt.getExpiresAt() != null) {
            var left = Duration.between(Instant.now(), jwt.getExpiresAt());
            return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) < 0 ? left : LONGEST;
        }
        return LONGEST;
    }
}
