package io.vizora.command.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one answer to a request refused because the service is overloaded: 503, a problem detail and a second to wait. */
final class Busy {

    static final String RETRY_AFTER_SECONDS = "1";

    private Busy() {
    }

    /** Its title and detail; the caller adds the request id (and, before any controller, the instance). */
    static ProblemDetail problem(ProblemDetail detail) {
        detail.setTitle("Busy");
        detail.setDetail("The service is busy; retry in a second.");
        return detail;
    }

    static ProblemDetail problem() {
        return problem(ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE));
    }
}
