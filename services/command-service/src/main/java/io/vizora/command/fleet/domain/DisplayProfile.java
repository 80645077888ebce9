package io.vizora.command.fleet.domain;

import io.vizora.command.domain.RuleViolation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What an operator says about a display: its name, the IANA time zone its schedule runs in, its
 * groups and its tags. Group ids and tags come sorted and without repeats, so equal profiles are
 * equal records and events do not churn on order.
 */
public record DisplayProfile(String name, String timeZone, List<UUID> groupIds, List<String> tags) {

    public static final int MAX_GROUPS = 100;
    public static final int MAX_TAGS = 50;
    /** Region-style ids only (Europe/Berlin, UTC): not offsets, not legacy ids such as EST5EDT. */
    private static final Pattern ZONE_ID = Pattern.compile("[A-Za-z_]+(/[A-Za-z0-9_+-]+)*");

    /** Checks and normalises what was sent; throws a violation naming every problem. */
    public static DisplayProfile of(String name, String timeZone, Collection<UUID> groupIds, Collection<String> tags) {
        var problems = new ArrayList<String>();
        var zone = timeZone == null ? "" : timeZone.strip();
        if (!ZONE_ID.matcher(zone).matches() || !ZoneId.getAvailableZoneIds().contains(zone)) {
            problems.add("time zone '" + zone + "' is not an IANA time zone such as Europe/Berlin");
        }
        var groups = groupIds.stream().distinct().sorted().toList();
        if (groups.size() > MAX_GROUPS) {
            problems.add("a display belongs to at most " + MAX_GROUPS + " groups");
        }
        var normalisedTags = Tags.normalise(tags, problems);
        if (normalisedTags.size() > MAX_TAGS) {
            problems.add("a display has at most " + MAX_TAGS + " tags");
        }
        RuleViolation.throwIfAny("Invalid display", problems);
        return new DisplayProfile(name.strip(), zone, groups, normalisedTags);
    }
}
