package io.vizora.command.domain;

import java.util.List;

/**
 * A request the domain refuses because it breaks a rule (an impossible schedule, an unknown time
 * zone). It names every broken rule, so the operator fixes them all at once; rendered as 422.
 */
public class RuleViolation extends RuntimeException {

    private final String title;
    private final List<String> problems;

    public RuleViolation(String title, List<String> problems) {
        super(title + ": " + String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a violation names at least one problem");
        }
        this.title = title;
        this.problems = List.copyOf(problems);
    }

    public static void throwIfAny(String title, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new RuleViolation(title, problems);
        }
    }

    public String title() {
        return title;
    }

    public List<String> problems() {
        return problems;
    }
}
