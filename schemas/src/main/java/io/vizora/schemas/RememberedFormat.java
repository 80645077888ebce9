package io.vizora.schemas;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A format whose answers are remembered for the first values it sees: the {@code uri} of every
 * event is its {@code dataschema}, one of a few dozen, and parsing it as a {@code java.net.URI} on
 * every check was a quarter of the contract check's cost (ADR 0022). A format is a pure function of
 * the value, so a remembered answer is the library's; past the capacity (hostile input can be
 * endless) values are checked as before.
 */
final class RememberedFormat implements Format {

    private final Format format;
    private final int capacity;
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    RememberedFormat(Format format, int capacity) {
        this.format = format;
        this.capacity = capacity;
    }

    @Override
    public String getName() {
        return format.getName();
    }

    @Override
    public String getMessageKey() {
        return format.getMessageKey();
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
        var known = answers.get(value);
        if (known != null) {
            return known;
        }
        var answer = format.matches(context, value);
        if (answers.size() < capacity) {
            answers.put(value, answer);
        }
        return answer;
    }
}
