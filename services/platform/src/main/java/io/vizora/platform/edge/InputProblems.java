package io.vizora.platform.edge;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import java.util.Map;
import java.util.Optional;

/**
 * Which field of a body could not be read, and why, in words a client can act on: the reader's
 * exception is found among the causes, its path becomes the field ({@code items[0].name}), and
 * its message loses the reader's internals (class names, source locations).
 */
public final class InputProblems {

    private InputProblems() {
    }

    public static Optional<Map<String, String>> fieldError(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                return Optional.of(Map.of("field", path(databind), "message", message(databind)));
            }
        }
        return Optional.empty();
    }

    private static String path(DatabindException exception) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String message(DatabindException exception) {
        var original = exception.getOriginalMessage();
        if (original != null && original.startsWith("must not")) {
            return original;
        }
        if (exception instanceof tools.jackson.databind.exc.UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        return "has a value of the wrong type or format";
    }
}
