package io.vizora.schemas.compatibility;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a new version of a data schema still accepts every event the previous version
 * accepted, so that replays read old events with today's schema. Backward-transitive
 * compatibility is this check against every published version, not just the last.
 *
 * <p>JSON Schema compatibility is undecidable in general; this covers the subset Vizora's schemas
 * use (types, enums, consts, bounds, patterns, formats, objects with required and
 * additionalProperties, arrays, local {@code $ref}s into {@code $defs}). Anything it cannot prove
 * compatible, such as a changed {@code oneOf}, is reported as a break.
 */
public final class BackwardCompatibility {

    private static final List<String> LOWER_BOUNDS = List.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
    private static final List<String> UPPER_BOUNDS = List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");
    private static final List<String> EXACT = List.of("pattern", "format", "multipleOf");
    private static final List<String> COMBINATORS = List.of("oneOf", "anyOf", "allOf", "not", "if", "then", "else");

    private final JsonNode previousRoot;
    private final JsonNode nextRoot;
    private final List<String> breaks = new ArrayList<>();

    private BackwardCompatibility(JsonNode previousRoot, JsonNode nextRoot) {
        this.previousRoot = previousRoot;
        this.nextRoot = nextRoot;
    }

    /** The ways in which {@code next} rejects data that {@code previous} accepted; empty if none. */
    public static List<String> breaks(JsonNode previous, JsonNode next) {
        var check = new BackwardCompatibility(previous, next);
        check.compare("$", previous, next);
        return List.copyOf(check.breaks);
    }

    private void compare(String path, JsonNode previousNode, JsonNode nextNode) {
        var previous = resolve(previousNode, previousRoot);
        var next = resolve(nextNode, nextRoot);
        compareTypes(path, previous, next);
        compareEnum(path, previous, next);
        compareConst(path, previous, next);
        compareBounds(path, previous, next);
        compareExact(path, previous, next);
        compareCombinators(path, previous, next);
        if (next.path("uniqueItems").asBoolean(false) && !previous.path("uniqueItems").asBoolean(false)) {
            breaks.add(path + ": now requires unique items");
        }
        compareObject(path, previous, next);
        if (next.has("items")) {
            if (previous.has("items")) {
                compare(path + "[]", previous.get("items"), next.get("items"));
            } else {
                breaks.add(path + ": now constrains array items");
            }
        }
    }

    private void compareTypes(String path, JsonNode previous, JsonNode next) {
        if (!next.has("type")) {
            return;
        }
        var nextTypes = types(next);
        if (!previous.has("type")) {
            breaks.add(path + ": now restricted to type " + nextTypes);
            return;
        }
        for (var type : types(previous)) {
            var accepted = nextTypes.contains(type) || (type.equals("integer") && nextTypes.contains("number"));
            if (!accepted) {
                breaks.add(path + ": no longer accepts type " + type);
            }
        }
    }

    private void compareEnum(String path, JsonNode previous, JsonNode next) {
        if (!next.has("enum")) {
            return;
        }
        if (!previous.has("enum")) {
            breaks.add(path + ": now restricted to an enum");
            return;
        }
        var allowed = new HashSet<JsonNode>();
        next.get("enum").forEach(allowed::add);
        previous.get("enum").forEach(value -> {
            if (!allowed.contains(value)) {
                breaks.add(path + ": no longer accepts " + value);
            }
        });
    }

    private void compareConst(String path, JsonNode previous, JsonNode next) {
        if (next.has("const") && !next.get("const").equals(previous.get("const"))) {
            breaks.add(path + ": const changed to " + next.get("const"));
        }
    }

    private void compareBounds(String path, JsonNode previous, JsonNode next) {
        for (var keyword : LOWER_BOUNDS) {
            if (next.has(keyword) && (!previous.has(keyword) || next.get(keyword).asDouble() > previous.get(keyword).asDouble())) {
                breaks.add(path + ": " + keyword + " raised to " + next.get(keyword));
            }
        }
        for (var keyword : UPPER_BOUNDS) {
            if (next.has(keyword) && (!previous.has(keyword) || next.get(keyword).asDouble() < previous.get(keyword).asDouble())) {
                breaks.add(path + ": " + keyword + " lowered to " + next.get(keyword));
            }
        }
    }

    private void compareExact(String path, JsonNode previous, JsonNode next) {
        for (var keyword : EXACT) {
            if (next.has(keyword) && !next.get(keyword).equals(previous.get(keyword))) {
                breaks.add(path + ": " + keyword + " changed to " + next.get(keyword));
            }
        }
    }

    private void compareCombinators(String path, JsonNode previous, JsonNode next) {
        for (var keyword : COMBINATORS) {
            if (next.has(keyword) && !next.get(keyword).equals(previous.get(keyword))) {
                breaks.add(path + ": " + keyword + " changed; compatibility cannot be proven");
            }
        }
    }

    private void compareObject(String path, JsonNode previous, JsonNode next) {
        var previousRequired = names(previous.path("required"));
        for (var name : names(next.path("required"))) {
            if (!previousRequired.contains(name)) {
                breaks.add(path + "." + name + ": newly required; older events lack it");
            }
        }
        var nextClosed = next.path("additionalProperties").isBoolean() && !next.get("additionalProperties").asBoolean();
        var previousClosed = previous.path("additionalProperties").isBoolean() && !previous.get("additionalProperties").asBoolean();
        if (nextClosed && !previousClosed) {
            breaks.add(path + ": no longer accepts additional properties");
        }
        var previousProperties = previous.path("properties");
        var nextProperties = next.path("properties");
        for (var name : previousProperties.propertyNames()) {
            if (nextProperties.has(name)) {
                compare(path + "." + name, previousProperties.get(name), nextProperties.get(name));
            } else if (nextClosed) {
                breaks.add(path + "." + name + ": removed, but older events carry it");
            }
        }
    }

    private static Set<String> types(JsonNode schema) {
        var type = schema.get("type");
        var result = new HashSet<String>();
        if (type.isArray()) {
            type.forEach(t -> result.add(t.asString()));
        } else {
            result.add(type.asString());
        }
        return result;
    }

    private static Set<String> names(JsonNode array) {
        var result = new HashSet<String>();
        array.forEach(name -> result.add(name.asString()));
        return result;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        var seen = new HashSet<String>();
        var current = schema;
        while (current.has("$ref")) {
            var ref = current.get("$ref").asString();
            if (!ref.startsWith("#/") || !seen.add(ref)) {
                throw new IllegalArgumentException("only acyclic local $refs are supported, not " + ref);
            }
            current = root.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("$ref " + ref + " points nowhere");
            }
        }
        return current;
    }
}
