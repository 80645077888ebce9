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

    public static DomainProblem forbidden() {
        return new DomainProblem(HttpStatus.FORBIDDEN, "Not allowed", "Your role does not allow this request.");
    }

    public static DomainProblem notFound(String kind, UUID id) {
        return new DomainProblem(HttpStatus.NOT_FOUND, "Not found", "There is no " + kind + " " + id + ".");
    }
}
