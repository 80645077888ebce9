package io.vizora.command.web;

import io.r2dbc.spi.R2dbcTimeoutException;
import io.vizora.command.domain.RuleViolation;
import io.vizora.platform.edge.InputProblems;
import io.vizora.platform.edge.RequestIdFilter;
import io.vizora.platform.objectstore.ObjectStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

import java.util.List;
import java.util.Map;

/**
 * Every error is an RFC 9457 problem detail carrying the request id; validation errors name each
 * invalid field; nothing ever carries a stack trace or an exception's internals.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String STORE_RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(DomainProblem.class)
    Mono<ResponseEntity<ProblemDetail>> domainProblem(DomainProblem problem, ServerWebExchange exchange) {
        var detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        detail.setTitle(problem.title());
        problem.properties().forEach(detail::setProperty);
        var response = ResponseEntity.status(problem.status());
        if (problem.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (problem.retryAfter().toMillis() + 999) / 1000)));
        }
        return Mono.just(response.body(withRequestId(detail, exchange)));
    }

    @ExceptionHandler(RuleViolation.class)
    Mono<ResponseEntity<ProblemDetail>> ruleViolation(RuleViolation violation, ServerWebExchange exchange) {
        var detail = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, String.join("; ", violation.problems()) + ".");
        detail.setTitle(violation.title());
        detail.setProperty("errors", violation.problems().stream().map(problem -> Map.of("message", problem)).toList());
        return Mono.just(ResponseEntity.unprocessableContent().body(withRequestId(detail, exchange)));
    }

    /** A request parameter outside its constraints (a name too long, a blank one): 400 naming it. */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    Mono<ResponseEntity<ProblemDetail>> constraintViolation(jakarta.validation.ConstraintViolationException violation, ServerWebExchange exchange) {
        var detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        detail.setTitle("Invalid request");
        detail.setProperty("errors", violation.getConstraintViolations().stream().map(each -> {
            String field = null;
            for (var node : each.getPropertyPath()) {
                field = node.getName();
            }
            return Map.of("field", String.valueOf(field), "message", each.getMessage());
        }).toList());
        return Mono.just(ResponseEntity.badRequest().body(withRequestId(detail, exchange)));
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ProblemDetail>> unexpected(Exception exception, ServerWebExchange exchange) {
        if (waitedForTheDatabase(exception)) {
            return Mono.just(busy(exchange));
        }
        if (causedBy(exception, ObjectStoreException.class)) {
            // the object store is away: nothing was changed, and the same request will do once it answers
            log.atWarn().addKeyValue("requestId", RequestIdFilter.of(exchange)).log("object store not answering: {}", exception.getMessage());
            var detail = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The content store is not answering. Nothing was changed; try again in a few seconds.");
            detail.setTitle("Content store unavailable");
            return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER_SECONDS)
                    .body(withRequestId(detail, exchange)));
        }
        if (AbortedException.isConnectionReset(exception)) {
            // the client hung up (a closed tab, a timeout of its own): nobody to answer, nothing broken here
            log.atDebug().addKeyValue("requestId", RequestIdFilter.of(exchange)).log("client went away: {}", exception.getMessage());
            return Mono.empty();
        }
        log.atError().addKeyValue("requestId", RequestIdFilter.of(exchange)).setCause(exception).log("unhandled error");
        var detail = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Quote the request id when you report it.");
        return Mono.just(ResponseEntity.internalServerError().body(withRequestId(detail, exchange)));
    }

    /**
     * Overload: every database connection stayed busy for as long as a request may wait for one
     * ({@code spring.r2dbc.pool.max-acquire-time}), or the database did not answer in time.
     * Refusing it at once with a time to retry keeps the queue short for the requests being
     * served (ADR 0023).
     */
    private static boolean waitedForTheDatabase(Throwable exception) {
        return causedBy(exception, R2dbcTimeoutException.class);
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> kind) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> busy(ServerWebExchange exchange) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, Busy.RETRY_AFTER_SECONDS)
                .body(withRequestId(Busy.problem(), exchange));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex, HttpHeaders headers,
                                                                          HttpStatusCode status, ServerWebExchange exchange) {
        var detail = ProblemDetail.forStatusAndDetail(status, "The request has invalid fields.");
        detail.setTitle("Invalid request");
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        detail.setProperty("errors", errors);
        return Mono.just(ResponseEntity.status(status).headers(headers).body(withRequestId(detail, exchange)));
    }

    /** A body that could not be read names the field that could not ({@link InputProblems}). */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex, HttpHeaders headers,
                                                                         HttpStatusCode status, ServerWebExchange exchange) {
        var field = InputProblems.fieldError(ex);
        if (field.isEmpty()) {
            return super.handleServerWebInputException(ex, headers, status, exchange);
        }
        var detail = ProblemDetail.forStatusAndDetail(status, "The request has invalid fields.");
        detail.setTitle("Invalid request");
        detail.setProperty("errors", List.of(field.get()));
        return Mono.just(ResponseEntity.status(status).headers(headers).body(withRequestId(detail, exchange)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                   HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail detail) {
            withRequestId(detail, exchange);
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    private static ProblemDetail withRequestId(ProblemDetail detail, ServerWebExchange exchange) {
        detail.setProperty("requestId", RequestIdFilter.of(exchange));
        return detail;
    }
}
