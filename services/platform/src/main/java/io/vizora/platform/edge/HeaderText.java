package io.vizora.platform.edge;

/**
 * The firewall's rule for header names and values, as Spring Security's strict firewall states it
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, a value may also hold tabs), checked character by
 * character: the regular expressions cost each request a few percent of the service's CPU on the
 * long Authorization header alone (ADR 0036). {@code HeaderTextTests} holds the two to the same
 * verdicts. The firewall also asks about headers a request does not have (null): nothing to refuse.
 */
final class HeaderText {

    private HeaderText() {
    }

    static boolean name(String text) {
        return text == null || text.codePoints().allMatch(HeaderText::assignedAndNotControl);
    }

    static boolean value(String text) {
        return text == null || text.codePoints().allMatch(c -> c == '\t' || assignedAndNotControl(c));
    }

    private static boolean assignedAndNotControl(int codePoint) {
        return Character.isDefined(codePoint) && !Character.isISOControl(codePoint);
    }
}
