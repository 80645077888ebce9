package io.vizora.command.identity.application;

import io.vizora.command.identity.domain.EmailAddress;
import io.vizora.command.identity.domain.Role;
import io.vizora.command.identity.persistence.IdentityRepository;
import io.vizora.command.identity.tokens.AccessTokens;
import io.vizora.command.identity.tokens.RefreshTokens;
import io.vizora.command.web.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.UUID;

/** Logging in, refreshing and logging out operators. */
@Service
public class AuthenticationService {

    public record Tokens(String accessToken, String refreshToken, long expiresIn) {
    }

    // one address may be a user of several organisations; each account costs a password check
    private static final int MOST_ACCOUNTS_PER_ADDRESS = 10;
    private static final String WRONG_CREDENTIALS = "The email address or the password is wrong.";

    private final IdentityRepository identities;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final TransactionalOperator transaction;
    // checked against when the account does not exist, so both failures take as long
    private final IdentityRepository.Credentials decoy;

    public AuthenticationService(IdentityRepository identities, PasswordEncoder passwords, AccessTokens accessTokens,
                                 RefreshTokens refreshTokens, TransactionalOperator transaction) {
        this.identities = identities;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.transaction = transaction;
        this.decoy = new IdentityRepository.Credentials(null, null, null, passwords.encode("decoy password for unknown accounts"));
    }

    /**
     * Logs in to the organisation whose account of this address the password opens. An address may
     * have accounts in several organisations; if the password opens more than one and none was
     * chosen, the answer is a 409 listing them (only someone holding that password learns them).
     */
    public Mono<Tokens> logIn(String email, String password, UUID organisationId) {
        return identities.credentials(new EmailAddress(email), organisationId, MOST_ACCOUNTS_PER_ADDRESS)
                .defaultIfEmpty(decoy)
                // adaptive hashing is deliberately slow: keep it off the event loop
                .concatMap(account -> Mono.fromCallable(() -> passwords.matches(password, account.passwordHash()) && account != decoy)
                        .subscribeOn(Schedulers.boundedElastic())
                        .filter(Boolean::booleanValue).map(matches -> account))
                .collectList()
                .flatMap(opened -> switch (opened.size()) {
                    case 0 -> Mono.error(unauthorized(WRONG_CREDENTIALS));
                    case 1 -> refreshTokens.issue(opened.getFirst().userId(), opened.getFirst().organisationId())
                            .map(refresh -> tokens(opened.getFirst().userId(), opened.getFirst().organisationId(), opened.getFirst().role(), refresh));
                    default -> identities.organisations(opened.stream().map(IdentityRepository.Credentials::organisationId).toList())
                            .collectList()
                            .flatMap(organisations -> Mono.error(new DomainProblem(HttpStatus.CONFLICT, "Choose an organisation",
                                    "This address has accounts in several organisations; log in again with the organisationId of one.")
                                    .with("organisations", organisations)));
                });
    }

    private Tokens tokens(UUID userId, UUID organisationId, Role role, String refreshToken) {
        return new Tokens(accessTokens.issue(userId, organisationId, role), refreshToken, accessTokens.lifetimeSeconds());
    }

    public Mono<Tokens> refresh(String refreshToken) {
        return refreshTokens.rotate(refreshToken).as(transaction::transactional)
                .flatMap(outcome -> switch (outcome) {
                    // a session that outlived its user's removal (a refresh racing it) ends here, not when it expires
                    case RefreshTokens.Outcome.Rotated rotated -> identities.activeRole(rotated.owner().userId())
                            .map(role -> tokens(rotated.owner().userId(), rotated.owner().organisationId(), role, rotated.next()))
                            .switchIfEmpty(Mono.error(() -> unauthorized("This account was removed. Log in with another one.")));
                    case RefreshTokens.Outcome.Reused ignored -> Mono.error(unauthorized(
                            "This refresh token was used before, so its session has been ended everywhere. Log in again."));
                    case RefreshTokens.Outcome.Invalid ignored -> Mono.error(unauthorized("The refresh token is not valid. Log in again."));
                });
    }

    public Mono<Void> logOut(String refreshToken) {
        return refreshTokens.revokeFamily(refreshToken);
    }

    private static DomainProblem unauthorized(String detail) {
        return new DomainProblem(HttpStatus.UNAUTHORIZED, "Not authenticated", detail);
    }
}
