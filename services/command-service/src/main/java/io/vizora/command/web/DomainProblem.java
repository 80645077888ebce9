package io.vizora.command.web;

import org.springframework.http.HttpStatus;

/** A refusal the client can act on (a conflict, a missing object), rendered as a problem detail. */
public class DomainProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public DomainProblem(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
