package io.vizora.schemas;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.UriFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a CloudEvent (structured JSON) against Vizora's contract: the envelope schema, a type
 * from the catalogue, the {@code dataschema} of that type, and the type's JSON Schema for
 * {@code data}. Producers call it before an event leaves them, consumers before they act on one.
 */
public final class EventContract {

    private static final String ENVELOPE_RESOURCE = "vizora/events/cloudevent.schema.json";

    /**
     * The record header in which a producer says that it checked the event against a contract, and
     * which one: the contract's {@link #stamp()} (ADR 0038).
     */
    public static final String CHECKED_HEADER = "vizora_contract";

    private final TopicCatalogue catalogue;
    private final Schema envelope;
    private final Map<String, Schema> dataSchemas;
    private final Schema playInReport;
    private final String stamp;

    private EventContract(TopicCatalogue catalogue) {
        var registry = registry();
        this.catalogue = catalogue;
        this.envelope = registry.getSchema(readResource(ENVELOPE_RESOURCE));
        this.dataSchemas = catalogue.eventTypes().stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                type -> registry.getSchema(readResource(EventType.parse(type).schemaResource()))));
        this.playInReport = registry.getSchema(playInReport());
        this.stamp = stamp(catalogue);
    }

    private static String stamp(TopicCatalogue catalogue) {
        var schemas = new java.util.TreeMap<String, String>();
        catalogue.eventTypes().forEach(type -> schemas.put(type, readResource(EventType.parse(type).schemaResource())));
        return stamp(readResource(ENVELOPE_RESOURCE), schemas);
    }

    /**
     * A digest of every text the check reads: the envelope's schema and each type with its schema,
     * types by name. Two contracts with the same stamp judge every event alike.
     */
    static String stamp(String envelopeSchema, java.util.SortedMap<String, String> schemasByType) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(envelopeSchema.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            schemasByType.forEach((type, schema) -> {
                digest.update((byte) 0);
                digest.update(type.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(schema.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            });
            return "sha256:" + java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * What a producer puts in {@link #CHECKED_HEADER} of an event it found valid with this contract,
     * and nothing else: a consumer whose contract has the same stamp takes the event as checked.
     */
    public String stamp() {
        return stamp;
    }

    /**
     * Whether an event whose {@link #CHECKED_HEADER} holds these bytes (null when it has none) was
     * checked against this very contract, so that checking it again would find what its producer
     * found: nothing (ADR 0038). An event without the header, or checked against another version of
     * the contract (a replay of older events, a producer not yet upgraded), is checked again.
     */
    public boolean checked(byte[] stampHeader) {
        return stampHeader != null && stamp.equals(new String(stampHeader, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A play as it stands in a report (and in an agent's plays message), derived from the two
     * published schemas rather than written a second time: the schema of one play's data without
     * {@code displayId} (the report's) and with the report's {@code playId}. Checking each item
     * against it spares a copy of every play.
     */
    static JsonNode playInReport() {
        var report = JsonMapper.shared().readTree(readResource(EventType.parse(PlayReports.REPORT).schemaResource()));
        var schema = (ObjectNode) JsonMapper.shared().readTree(readResource(EventType.parse(PlayReports.PLAY).schemaResource()));
        schema.remove("$id");
        ((ObjectNode) schema.get("properties")).remove("displayId");
        ((ObjectNode) schema.get("properties")).set("playId", report.at("/properties/plays/items/properties/playId"));
        var required = JsonNodeFactory.instance.arrayNode().add("playId");
        schema.get("required").forEach(field -> {
            if (!field.asString().equals("displayId")) {
                required.add(field);
            }
        });
        schema.set("required", required);
        return schema;
    }

    /** JSON Schema 2020-12 with format assertions, as every contract check uses it. */
    static SchemaRegistry registry() {
        var dialect = Dialect.builder(Dialects.getDraft202012())
                .format(new UuidFormat())
                .format(new DateTimeFormat())
                .format(new RememberedFormat(new UriFormat(), 1_024))
                .build();
        return SchemaRegistry.withDefaultDialect(dialect, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    public static EventContract load() {
        return new EventContract(TopicCatalogue.load());
    }

    public TopicCatalogue catalogue() {
        return catalogue;
    }

    /** The JSON Schema of a type's {@code data}, as published. */
    public JsonNode dataSchema(String eventType) {
        var schema = dataSchemas.get(eventType);
        if (schema == null) {
            throw new UnknownEventTypeException(eventType);
        }
        return schema.getSchemaNode();
    }

    /** What is wrong with an event, or nothing. */
    public List<String> violations(byte[] cloudEventJson) {
        JsonNode event;
        try {
            event = JsonMapper.shared().readTree(cloudEventJson);
        } catch (JacksonException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        return violations(event);
    }

    public List<String> violations(JsonNode event) {
        var problems = new ArrayList<String>();
        describe("envelope", envelope.validate(event), problems);
        var type = event.path("type").asString("");
        var dataSchema = dataSchemas.get(type);
        if (dataSchema == null) {
            problems.add("type '" + type + "' is not in the topic catalogue");
            return problems;
        }
        var expectedSchemaUri = EventType.parse(type).dataSchemaUri();
        if (!expectedSchemaUri.equals(event.path("dataschema").asString(""))) {
            problems.add("dataschema must be " + expectedSchemaUri);
        }
        describe("data", dataSchema.validate(event.path("data")), problems);
        if (problems.isEmpty() && type.equals(PlayReports.REPORT)) {
            playsProblems(event.get("data"), problems);
        }
        return problems;
    }

    /** A report's schema names only each play's id; each play is checked against the schema of one play, as it stands in a report. */
    private void playsProblems(JsonNode report, List<String> problems) {
        var plays = report.get("plays");
        for (int i = 0; i < plays.size(); i++) {
            describe("data: /plays/" + i, playInReport.validate(plays.get(i)), problems);
        }
    }

    /** Throws {@link ContractViolationException} naming every problem of an invalid event. */
    public void requireValid(byte[] cloudEventJson) {
        var problems = violations(cloudEventJson);
        if (!problems.isEmpty()) {
            throw new ContractViolationException(typeOf(cloudEventJson), problems);
        }
    }

    private static String typeOf(byte[] json) {
        try {
            return JsonMapper.shared().readTree(json).path("type").asString(null);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void describe(String part, List<Error> errors, List<String> problems) {
        errors.forEach(error -> problems.add(part + ": " + error.getInstanceLocation() + " " + error.getMessage()));
    }

    static String readResource(String name) {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
