package io.vizora.platform.edge;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

/**
 * Problem details for requests refused before any controller (by the firewall, a rate limit,
 * authentication, input hygiene): controller advice never sees those, and an empty body tells a
 * client nothing.
 */
public class ProblemWriter {

    // Spring's mixin writes a problem's properties as its own members, as its message writers do
    private static final JsonMapper JSON = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    // Exception, not Spring Security's types: services without Spring Security (the relay) load this class too;
    // as method references these serve as its entry points and access-denied handlers all the same
    public Mono<Void> unauthenticated(ServerWebExchange exchange, Exception ignored) {
        return write(exchange, HttpStatus.UNAUTHORIZED, "Authentication is required for this request, or the credentials given are no longer valid.");
    }

    public Mono<Void> forbidden(ServerWebExchange exchange, Exception ignored) {
        return write(exchange, HttpStatus.FORBIDDEN, "Your role or your key's scopes do not allow this request.");
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, problem(exchange, status, detail));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(JSON.writeValueAsBytes(problem))));
    }

    /** A problem about this request, with its id; {@code instance} is the raw path, never echoed unescaped in HTML. */
    public static ProblemDetail problem(ServerWebExchange exchange, HttpStatus status, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        try {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        } catch (IllegalArgumentException unusable) {
            // a path the firewall refused may not even be a URI: leave instance out
        }
        problem.setProperty("requestId", RequestIdFilter.of(exchange));
        return problem;
    }
}
