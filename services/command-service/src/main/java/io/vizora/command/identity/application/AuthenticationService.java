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

    public Mono<Tokens> logIn(String email, String password) {
        return identities.credentials(new EmailAddress(email))
                .defaultIfEmpty(decoy)
                // adaptive hashing is deliberately slow: keep it off the event loop
                .flatMap(account -> Mono.fromCallable(() -> passwords.matches(password, account.passwordHash()) && account != decoy)
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(matches -> matches
                                ? refreshTokens.issue(account.userId(), account.organisationId())
                                        .map(refresh -> tokens(account.userId(), account.organisationId(), account.role(), refresh))
                                : Mono.error(unauthorized(WRONG_CREDENTIALS))));
    }

    private Tokens tokens(UUID userId, UUID organisationId, Role role, String refreshToken) {
        return new Tokens(accessTokens.issue(userId, organisationId, role), refreshToken, accessTokens.lifetimeSeconds());
    }

    public Mono<Tokens> refresh(String refreshToken) {
        return refreshTokens.rotate(refreshToken).as(transaction::transactional)
                .flatMap(outcome -> switch (outcome) {
                    case RefreshTokens.Outcome.Rotated rotated -> identities.role(rotated.owner().userId())
                            .map(role -> tokens(rotated.owner().userId(), rotated.owner().organisationId(), role, rotated.next()));
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
