package io.vizora.command.identity.application;

import io.vizora.command.CommandEvents;
import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.EmailAddress;
import io.vizora.command.identity.domain.Ownership;
import io.vizora.command.identity.domain.PasswordPolicy;
import io.vizora.command.identity.domain.Permission;
import io.vizora.command.identity.domain.PermissionMatrix;
import io.vizora.command.identity.domain.Role;
import io.vizora.command.identity.domain.UserInvited;
import io.vizora.command.identity.domain.UserRegistered;
import io.vizora.command.identity.domain.UserRemoved;
import io.vizora.command.identity.domain.UserRoleChanged;
import io.vizora.command.identity.persistence.IdentityRepository;
import io.vizora.command.identity.persistence.IdentityRepository.UserView;
import io.vizora.command.identity.tokens.OpaqueTokens;
import io.vizora.command.web.DomainProblem;
import io.vizora.outbox.OutboxEvent;
import io.vizora.outbox.OutboxWriter;
import io.vizora.outbox.Principal;
import io.vizora.platform.security.AccessRevocations;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The users of an organisation: inviting, accepting, reading; always within the caller's tenant. */
@Service
public class UserService {

    public record Invitation(UUID userId, String token) {
    }

    private static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

    private final IdentityRepository identities;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AccessRevocations revocations;

    /**
     * Access follows state from the next request on: a role change or removal first voids the
     * user's access tokens on every service (if that fails, nothing changes), then changes them.
     */
    public UserService(IdentityRepository identities, OutboxWriter outbox, TransactionalOperator transaction,
                       PasswordEncoder passwords, Clock clock, AccessRevocations revocations) {
        this.revocations = revocations;
        this.identities = identities;
        this.outbox = outbox;
        this.transaction = transaction;
        this.passwords = passwords;
        this.clock = clock;
    }

    public Mono<Invitation> invite(Caller caller, String email, String displayName, Role role) {
        if (!(caller instanceof Caller.User user) || !PermissionMatrix.mayAssign(user.role(), role)) {
            return Mono.error(Authorization.forbidden());
        }
        var userId = UUID.randomUUID();
        var address = new EmailAddress(email);
        var token = OpaqueTokens.generate();
        var expires = OffsetDateTime.ofInstant(clock.instant().plus(INVITATION_VALIDITY), ZoneOffset.UTC);
        return identities.insertInvited(caller.organisationId(), userId, address, displayName.strip(), role, OpaqueTokens.hash(token), expires)
                .flatMap(inserted -> inserted
                        ? outbox.append(CommandEvents.by(caller, UserInvited.TYPE, userId, new UserInvited(userId, address.value(), role.code())))
                        : Mono.error(new DomainProblem(HttpStatus.CONFLICT, "Already a user", "This email address is a user of your organisation already.")))
                .as(transaction::transactional)
                .thenReturn(new Invitation(userId, token));
    }

    /** The invited user sets a password; emits who they are. Unknown, spent and expired invitations look alike. */
    public Mono<UserView> accept(String invitationToken, String password) {
        return Mono.fromCallable(() -> passwords.encode(password))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> identities.accept(OpaqueTokens.hash(invitationToken), hash)
                        .switchIfEmpty(Mono.error(new DomainProblem(HttpStatus.NOT_FOUND, "No such invitation",
                                "This invitation does not exist, was accepted already, or has expired.")))
                        .flatMap(user -> {
                            var problems = PasswordPolicy.problems(password, new EmailAddress(user.email()));
                            if (!problems.isEmpty()) {
                                return Mono.error(new DomainProblem(HttpStatus.BAD_REQUEST, "Password refused",
                                        "The password " + String.join("; ", problems) + "."));
                            }
                            return identities.organisationOf(user.userId())
                                    .flatMap(organisation -> outbox.append(new OutboxEvent(UserRegistered.TYPE, user.userId(), organisation,
                                            Principal.user(user.userId()), new UserRegistered(user.userId(), user.email(), user.displayName()))))
                                    .thenReturn(user);
                        })
                        .as(transaction::transactional));
    }

    public Mono<UserView> user(Caller caller, UUID userId) {
        return Authorization.require(caller, Permission.USERS_READ)
                .then(identities.user(caller.organisationId(), userId))
                .switchIfEmpty(Mono.error(Authorization.notFound("user", userId)));
    }

    public Mono<UserView> changeRole(Caller caller, UUID userId, Role role) {
        return judged(caller, userId, role, target -> revocations.revokeUser(userId)
                .then(identities.changeRole(caller.organisationId(), userId, role))
                .then(emit(caller, UserRoleChanged.TYPE, userId, new UserRoleChanged(userId, role.code())))
                .thenReturn(new UserView(target.userId(), target.email(), target.displayName(), role, target.status())));
    }

    /** Removes a user: they can no longer log in, their refresh and access tokens stop working at once. */
    public Mono<Void> remove(Caller caller, UUID userId) {
        return judged(caller, userId, null, target -> revocations.revokeUser(userId)
                .then(identities.remove(caller.organisationId(), userId))
                .then(emit(caller, UserRemoved.TYPE, userId, new UserRemoved(userId)))
                .thenReturn(target))
                .then();
    }

    private Mono<UserView> judged(Caller caller, UUID userId, Role newRole, java.util.function.Function<UserView, Mono<UserView>> change) {
        return Authorization.user(caller, Permission.USERS_MANAGE)
                .flatMap(user -> identities.lockOwners(caller.organisationId())
                .flatMap(owners -> identities.user(caller.organisationId(), userId)
                        .switchIfEmpty(Mono.error(Authorization.notFound("user", userId)))
                        .flatMap(target -> switch (Ownership.judge(user.role(), target.role(), newRole, owners)) {
                            case ALLOWED -> change.apply(target);
                            case FORBIDDEN -> Mono.error(Authorization.forbidden());
                            case LAST_OWNER -> Mono.error(new DomainProblem(HttpStatus.CONFLICT, "Last owner",
                                    "An organisation keeps at least one owner; make someone else owner first."));
                        })))
                .as(transaction::transactional);
    }

    private Mono<Void> emit(Caller caller, String type, UUID userId, Object data) {
        return outbox.append(CommandEvents.by(caller, type, userId, data)).then();
    }

    public Flux<UserView> users(Caller caller) {
        return Authorization.require(caller, Permission.USERS_READ).thenMany(identities.users(caller.organisationId()));
    }
}
