package io.vizora.command.fleet.application;

import io.vizora.command.fleet.domain.PairingCode;
import io.vizora.command.fleet.persistence.DisplayRepository;
import io.vizora.command.fleet.persistence.PairingRepository;
import io.vizora.command.fleet.persistence.PairingRepository.Status;
import io.vizora.command.identity.tokens.DeviceTokens;
import io.vizora.command.identity.tokens.OpaqueTokens;
import io.vizora.command.web.DomainProblem;
import io.vizora.device.DeviceRefusals;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * The screen's side of pairing: it asks for a code and a secret, shows the code, and polls with
 * the secret until an operator has claimed the code; then it collects, once, its device secret
 * and a device token. Later it exchanges the device secret for fresh tokens until it is unpaired.
 */
@Service
@EnableConfigurationProperties(PairingProperties.class)
public class PairingService {

    public record PairingTicket(UUID pairingId, String code, String secret, Instant expiresAt) {
    }

    public sealed interface Progress {
        record Waiting(Instant expiresAt) implements Progress { }
        record Paired(UUID displayId, UUID organisationId, String deviceSecret, DeviceToken token) implements Progress { }
    }

    public record DeviceToken(String accessToken, long expiresIn) {
    }

    private static final int DRAWS = 5;

    private final PairingRepository pairings;
    private final DisplayRepository displays;
    private final DeviceTokens tokens;
    private final PairingProperties properties;
    private final TransactionalOperator transaction;

    public PairingService(PairingRepository pairings, DisplayRepository displays, DeviceTokens tokens,
                          PairingProperties properties, TransactionalOperator transaction) {
        this.pairings = pairings;
        this.displays = displays;
        this.tokens = tokens;
        this.properties = properties;
        this.transaction = transaction;
    }

    public Mono<PairingTicket> request() {
        var secret = OpaqueTokens.generate();
        var draw = Mono.defer(() -> {
            var id = UUID.randomUUID();
            var code = PairingCode.generate();
            return pairings.insert(id, code, OpaqueTokens.hash(secret), properties.codeLifetime())
                    .map(expiresAt -> new PairingTicket(id, code.displayed(), secret, expiresAt));
        });
        return pairings.purgeExpired()
                .then(draw.repeatWhenEmpty(DRAWS, attempts -> attempts))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no free pairing code in " + DRAWS + " draws")));
    }

    public Mono<Progress> progress(UUID pairingId, String secret) {
        return pairings.status(pairingId, OpaqueTokens.hash(secret))
                .switchIfEmpty(Mono.error(() -> noPairing(pairingId)))
                .flatMap(status -> switch (status) {
                    case Status.Pending pending -> Mono.just(new Progress.Waiting(pending.expiresAt()));
                    case Status.Claimed claimed -> collect(pairingId, claimed);
                });
    }

    private Mono<Progress> collect(UUID pairingId, Status.Claimed claimed) {
        var deviceSecret = OpaqueTokens.generate();
        return pairings.collected(pairingId)
                .filter(collected -> collected)
                .flatMap(collected -> displays.setSecret(claimed.displayId(), OpaqueTokens.hash(deviceSecret)))
                .filter(set -> set)
                .switchIfEmpty(Mono.error(() -> noPairing(pairingId)))
                .as(transaction::transactional)
                .thenReturn(new Progress.Paired(claimed.displayId(), claimed.organisationId(), deviceSecret,
                        token(claimed.displayId(), claimed.organisationId())));
    }

    public Mono<DeviceToken> exchange(UUID displayId, String deviceSecret) {
        return displays.organisationBySecret(displayId, OpaqueTokens.hash(deviceSecret))
                .map(organisationId -> token(displayId, organisationId))
                .switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.UNAUTHORIZED, DeviceRefusals.UNKNOWN_DEVICE,
                        "No paired display has this id and secret.")));
    }

    private DeviceToken token(UUID displayId, UUID organisationId) {
        return new DeviceToken(tokens.issue(displayId, organisationId), tokens.lifetimeSeconds());
    }

    private static DomainProblem noPairing(UUID pairingId) {
        return new DomainProblem(HttpStatus.NOT_FOUND, "No pending pairing",
                "There is no pending pairing " + pairingId + " for this secret: it expired, was collected, or the display was unpaired.");
    }
}
