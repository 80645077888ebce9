package io.vizora.command.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details written by web filters (security, rate limits): they refuse a request before
 * any controller, so controller advice never sees it.
 */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    Mono<Void> unauthenticated(ServerWebExchange exchange, AuthenticationException ignored) {
        return write(exchange, HttpStatus.UNAUTHORIZED, "Authentication is required for this request.");
    }

    Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException ignored) {
        return write(exchange, HttpStatus.FORBIDDEN, "Your role does not allow this request.");
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("requestId", RequestIdFilter.of(exchange));
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
    }
}
