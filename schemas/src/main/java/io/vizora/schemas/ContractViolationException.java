package io.vizora.schemas;

import java.util.List;

/** An event that does not match the contract: its envelope, its type, or its data. */
public class ContractViolationException extends IllegalArgumentException {

    private final List<String> violations;

    public ContractViolationException(String eventType, List<String> violations) {
        super("event " + (eventType == null ? "of unknown type" : eventType) + " breaks the contract: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
