package io.vizora.command.identity.application;

import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.Permission;
import io.vizora.command.web.DomainProblem;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * How services refuse: 403 when the caller's role lacks a permission; 404 for anything outside the
 * caller's organisation, exactly as for what does not exist (guarantee 7, docs/architecture.md: no
 * hint either way).
 */
public final class Authorization {

    private Authorization() {
    }

    public static Mono<Void> require(Caller caller, Permission permission) {
        return caller.may(permission) ? Mono.empty() : Mono.error(forbidden());
    }

    /**
     * Requires a permission that only users hold (managing users and keys): the caller as a user, or
     * 403 for a partner's key, whatever its scopes.
     */
    public static Mono<Caller.User> user(Caller caller, Permission permission) {
        return caller instanceof Caller.User user && user.may(permission) ? Mono.just(user) : Mono.error(forbidden());
    }

    public static DomainProblem forbidden() {
        return new DomainProblem(HttpStatus.FORBIDDEN, "Not allowed", "Your role (or your API key's scopes) does not allow this request.");
    }

    public static DomainProblem notFound(String kind, UUID id) {
        return new DomainProblem(HttpStatus.NOT_FOUND, "Not found", "There is no " + kind + " " + id + ".");
    }
}
