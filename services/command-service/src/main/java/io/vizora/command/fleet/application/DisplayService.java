package io.vizora.command.fleet.application;

import io.vizora.command.CommandEvents;
import io.vizora.command.domain.RuleViolation;
import io.vizora.command.fleet.domain.DisplayEvents;
import io.vizora.command.fleet.domain.DisplayProfile;
import io.vizora.command.fleet.domain.PairingCode;
import io.vizora.command.fleet.persistence.DisplayRepository;
import io.vizora.command.fleet.persistence.DisplayRepository.Display;
import io.vizora.command.fleet.persistence.PairingRepository;
import io.vizora.command.identity.application.Authorization;
import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.Permission;
import io.vizora.command.web.DomainProblem;
import io.vizora.outbox.OutboxWriter;
import io.vizora.platform.edge.RateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.function.Supplier;

/** The operator's side of the fleet: claiming a screen's pairing code, changing and unpairing displays. */
@Service
public class DisplayService {

    private final DisplayRepository displays;
    private final PairingRepository pairings;
    private final PairingProperties pairing;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;
    private final RateLimiter limiter;

    public DisplayService(DisplayRepository displays, PairingRepository pairings, PairingProperties pairing,
                          OutboxWriter outbox, TransactionalOperator transaction, RateLimiter limiter) {
        this.displays = displays;
        this.pairings = pairings;
        this.pairing = pairing;
        this.outbox = outbox;
        this.transaction = transaction;
        this.limiter = limiter;
    }

    /**
     * Pairs the screen showing {@code code} as a new display of the caller's organisation. Codes
     * no screen was waiting with are counted per organisation; past the limit, claims are refused
     * with 429 until the count has fallen, so the 40 bits of a code are not guessed at request
     * rate with a key or an account of one's own.
     */
    public Mono<Display> pair(Caller caller, String code, Supplier<DisplayProfile> profile, UUID defaultPlaylistId) {
        var displayId = UUID.randomUUID();
        var unknownCodes = "pairing-unknown-codes:" + caller.organisationId();
        return Authorization.require(caller, Permission.FLEET_MANAGE)
                .then(Mono.fromSupplier(profile))
                .flatMap(checked -> known(caller, checked, defaultPlaylistId)
                        .then(limiter.estimate(unknownCodes, pairing.unknownCodes()))
                        .flatMap(probe -> probe.canBeConsumed() ? Mono.<Void>empty() : Mono.error(new DomainProblem(HttpStatus.TOO_MANY_REQUESTS,
                                "Too many unknown pairing codes", "This organisation tried too many pairing codes no screen was waiting with. "
                                        + "Check the code on the screen and try again later.").retryAfter(java.time.Duration.ofNanos(probe.getNanosToWaitForRefill()))))
                        .then(displays.insert(caller.organisationId(), displayId, checked, defaultPlaylistId))
                        .then(Mono.justOrEmpty(PairingCode.parse(code)))
                        .flatMap(parsed -> pairings.claim(parsed, displayId, pairing.collectWithin()))
                        .switchIfEmpty(Mono.defer(() -> limiter.consumeExactly(unknownCodes, pairing.unknownCodes())).then(Mono.error(() -> new DomainProblem(
                                HttpStatus.UNPROCESSABLE_CONTENT, "Unknown pairing code",
                                "No screen is waiting with pairing code '" + code + "': it may have expired or been used. "
                                        + "Ask the screen for a new one."))))
                        .then(emit(caller, displayId, DisplayEvents.Paired.TYPE, new DisplayEvents.Paired(displayId, checked, defaultPlaylistId))))
                .then(displays.find(caller.organisationId(), displayId))
                .as(transaction::transactional);
    }

    /** Renames, moves between groups, re-tags or re-zones a display: the profile replaces the old one. */
    public Mono<Display> update(Caller caller, UUID displayId, Supplier<DisplayProfile> profile, UUID defaultPlaylistId) {
        return Authorization.require(caller, Permission.FLEET_MANAGE)
                .then(Mono.fromSupplier(profile))
                .flatMap(checked -> known(caller, checked, defaultPlaylistId)
                        .then(displays.update(caller.organisationId(), displayId, checked, defaultPlaylistId))
                        .flatMap(updated -> updated
                                ? emit(caller, displayId, DisplayEvents.Updated.TYPE, new DisplayEvents.Updated(displayId, checked, defaultPlaylistId))
                                : Mono.error(Authorization.notFound("display", displayId))))
                .then(displays.find(caller.organisationId(), displayId))
                .as(transaction::transactional);
    }

    /** Unpairs a display: it leaves its groups and its device secret stops working at once. */
    public Mono<Void> unpair(Caller caller, UUID displayId) {
        return Authorization.require(caller, Permission.FLEET_MANAGE)
                .then(displays.delete(caller.organisationId(), displayId))
                .flatMap(deleted -> deleted
                        ? emit(caller, displayId, DisplayEvents.Unpaired.TYPE, new DisplayEvents.Unpaired(displayId))
                        : Mono.error(Authorization.notFound("display", displayId)))
                .as(transaction::transactional);
    }

    public Mono<Display> get(Caller caller, UUID displayId) {
        return Authorization.require(caller, Permission.FLEET_READ)
                .then(displays.find(caller.organisationId(), displayId))
                .switchIfEmpty(Mono.error(() -> Authorization.notFound("display", displayId)));
    }

    public Flux<Display> list(Caller caller, UUID groupId, String tag) {
        return Authorization.require(caller, Permission.FLEET_READ).thenMany(displays.all(caller.organisationId(), groupId, tag));
    }

    /** The groups and the default playlist must be the organisation's. */
    private Mono<Void> known(Caller caller, DisplayProfile profile, UUID defaultPlaylistId) {
        var playlist = defaultPlaylistId == null ? Mono.<String>empty()
                : displays.hasPlaylist(caller.organisationId(), defaultPlaylistId)
                        .flatMap(found -> found ? Mono.<String>empty() : Mono.just("there is no playlist " + defaultPlaylistId));
        return displays.unknownGroups(caller.organisationId(), profile.groupIds())
                .map(unknown -> "there is no display group " + unknown)
                .concatWith(playlist)
                .collectList()
                .flatMap(problems -> Mono.fromRunnable(() -> RuleViolation.throwIfAny("Invalid display", problems)));
    }

    private Mono<Void> emit(Caller caller, UUID displayId, String type, Object data) {
        return outbox.append(CommandEvents.by(caller, type, displayId, data)).then();
    }
}
