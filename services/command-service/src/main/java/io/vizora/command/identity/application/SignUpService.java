package io.vizora.command.identity.application;

import io.vizora.command.identity.domain.EmailAddress;
import io.vizora.command.identity.domain.OrganisationCreated;
import io.vizora.command.identity.domain.PasswordPolicy;
import io.vizora.command.identity.domain.SignUp;
import io.vizora.command.identity.domain.UserRegistered;
import io.vizora.command.identity.persistence.IdentityRepository;
import io.vizora.command.web.DomainProblem;
import io.vizora.outbox.OutboxEvent;
import io.vizora.outbox.OutboxWriter;
import io.vizora.outbox.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * Signs up an organisation with its owner: both rows and both events in one transaction. The
 * owner is the acting principal of the events, in the new organisation as tenant.
 */
@Service
public class SignUpService {

    private final IdentityRepository identities;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;
    private final PasswordEncoder passwords;

    public SignUpService(IdentityRepository identities, OutboxWriter outbox, TransactionalOperator transaction, PasswordEncoder passwords) {
        this.identities = identities;
        this.outbox = outbox;
        this.transaction = transaction;
        this.passwords = passwords;
    }

    public Mono<SignUp> signUp(String organisationName, String ownerEmail, String ownerName, String password) {
        var problems = PasswordPolicy.problems(password, new EmailAddress(ownerEmail));
        if (!problems.isEmpty()) {
            return Mono.error(new DomainProblem(HttpStatus.BAD_REQUEST, "Password refused", "The password " + String.join("; ", problems) + "."));
        }
        var signUp = SignUp.of(organisationName, ownerEmail, ownerName);
        var owner = Principal.user(signUp.ownerId());
        // adaptive hashing is deliberately slow: keep it off the event loop
        return Mono.fromCallable(() -> passwords.encode(password))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> identities.insert(signUp, hash)
                        .then(outbox.appendAll(List.of(
                                new OutboxEvent(OrganisationCreated.TYPE, signUp.organisationId(), signUp.organisationId(), owner, signUp.organisationCreated()),
                                new OutboxEvent(UserRegistered.TYPE, signUp.ownerId(), signUp.organisationId(), owner, signUp.ownerRegistered()))))
                        .as(transaction::transactional))
                .thenReturn(signUp);
    }
}
