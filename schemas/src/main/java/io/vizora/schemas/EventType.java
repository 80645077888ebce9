package io.vizora.schemas;

import java.util.regex.Pattern;

/** An event type name, {@code vizora.<context>.<event>.v<N>}, and where its schema lives. */
public record EventType(String context, String event, int version) {

    private static final Pattern NAME = Pattern.compile("^vizora\\.([a-z]+)\\.([a-z_]+)\\.v([1-9][0-9]*)$");
    static final String SCHEMA_BASE_URI = "https://schemas.vizora.io/events/";

    public static EventType parse(String name) {
        var matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + name + "' is not an event type name (vizora.<context>.<event>.v<N>)");
        }
        return new EventType(matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3)));
    }

    public String name() {
        return "vizora." + context + "." + event + ".v" + version;
    }

    /** Where the schema of this type's data is, relative to the schema base. */
    String schemaPath() {
        return context + "/" + event + ".v" + version + ".schema.json";
    }

    /** The CloudEvents {@code dataschema} attribute of events of this type. */
    public String dataSchemaUri() {
        return SCHEMA_BASE_URI + schemaPath();
    }

    String schemaResource() {
        return "vizora/events/" + schemaPath();
    }
}
