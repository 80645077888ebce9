package io.vizora.command.web;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** A refusal the client can act on (a conflict, a missing object), rendered as a problem detail. */
public class DomainProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private java.time.Duration retryAfter;

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

    /** Adds a member to the problem detail, for clients that act on more than the message. */
    public DomainProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    /** Says when the same request may succeed (429, 503), as a Retry-After header in whole seconds. */
    public DomainProblem retryAfter(java.time.Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    /** The wait to send as Retry-After, or null. */
    public java.time.Duration retryAfter() {
        return retryAfter;
    }
}
