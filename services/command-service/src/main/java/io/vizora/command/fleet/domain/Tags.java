package io.vizora.command.fleet.domain;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Display tags, as displays carry them and campaigns target them: lower-case letters, digits,
 * '_' and '-', starting with a letter or digit, at most 63 characters. Sent tags are trimmed and
 * lower-cased first, since "Lobby" and "lobby" are the same tag to an operator.
 */
public final class Tags {

    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private Tags() {
    }

    /** The tags normalised, sorted and without repeats; each invalid tag adds a problem. */
    public static List<String> normalise(Collection<String> tags, List<String> problems) {
        var normalised = tags.stream().map(tag -> tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT)).distinct().sorted().toList();
        normalised.stream().filter(tag -> !TAG.matcher(tag).matches())
                .forEach(tag -> problems.add("tag '" + tag + "' must be 1 to 63 lower-case letters, digits, '_' or '-', starting with a letter or digit"));
        return normalised;
    }
}
