package io.vizora.platform.edge;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Refuses an address or header block longer than any client sends (414, 431), and a query
 * parameter or path segment with text {@link CleanText} refuses, or a blank path segment (400,
 * naming it).
 */
public final class CleanTextFilter implements WebFilter {

    private final ProblemWriter problems;

    public CleanTextFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    /** Longer addresses and header blocks than any client of ours sends; Netty's own limits are above these. */
    static final int MAX_URI_LENGTH = 8 * 1024;
    static final int MAX_HEADERS_LENGTH = 16 * 1024;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getURI().getRawPath().length() + String.valueOf(exchange.getRequest().getURI().getRawQuery()).length() > MAX_URI_LENGTH) {
            return problems.write(exchange, HttpStatus.URI_TOO_LONG, "The request's address is longer than " + MAX_URI_LENGTH + " characters.");
        }
        var headers = exchange.getRequest().getHeaders().headerSet().stream()
                .mapToInt(header -> header.getKey().length() + header.getValue().stream().mapToInt(String::length).sum()).sum();
        if (headers > MAX_HEADERS_LENGTH) {
            return problems.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request's headers are longer than " + MAX_HEADERS_LENGTH + " characters.");
        }
        for (var element : exchange.getRequest().getPath().pathWithinApplication().elements()) {
            if (element instanceof org.springframework.http.server.PathContainer.PathSegment segment) {
                // a blank segment is never a name or an id, and Spring reads a blank id as a missing one, a server error
                var problem = segment.valueToMatch().isBlank() ? java.util.Optional.of("a path segment must not be blank")
                        : CleanText.problem(segment.valueToMatch());
                if (problem.isPresent()) {
                    return refuse(exchange, "path", problem.get());
                }
            }
        }
        for (var parameter : exchange.getRequest().getQueryParams().entrySet()) {
            for (var text : concat(parameter.getKey(), parameter.getValue())) {
                var problem = CleanText.problem(text);
                if (problem.isPresent()) {
                    return refuse(exchange, parameter.getKey(), problem.get());
                }
            }
        }
        return chain.filter(exchange);
    }

    private static List<String> concat(String name, List<String> values) {
        var all = new java.util.ArrayList<String>(values.size() + 1);
        all.add(name);
        values.stream().filter(java.util.Objects::nonNull).forEach(all::add);
        return all;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String field, String message) {
        var problem = ProblemWriter.problem(exchange, HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", CleanText.problem(field).isPresent() ? "?" : field, "message", message)));
        return problems.write(exchange, problem);
    }
}
