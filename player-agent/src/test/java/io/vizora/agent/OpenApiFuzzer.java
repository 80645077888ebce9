package io.vizora.agent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Reads a service's OpenAPI document and sends every operation hostile inputs: path ids blank,
 * malformed and overlong; query parameters and JSON fields with NUL, lone surrogates, huge and
 * type-confused values; bodies malformed or deeply nested; each with and without a valid token.
 * An answer is a finding if it is a 5xx, if an error is not {@code application/problem+json}, or
 * if its body names an exception or a stack frame. Bounded in requests and in time.
 */
final class OpenApiFuzzer {

    record Finding(String service, String method, String path, String sent, int status, String received) {
        @Override
        public String toString() {
            return status + " " + service + " " + method + " " + path + " <- " + abbreviate(sent) + " -> " + abbreviate(received);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern INTERNALS = Pattern.compile("Exception|\\tat |\\.java:\\d|org\\.springframework|io\\.vizora|tools\\.jackson");
    private static final List<String> PATH_VALUES = List.of("%20", "not-an-id", "%C3%A9%F0%9F%98%80", "x".repeat(300), "-1", "00000000-0000-0000-0000-000000000000");
    private static final List<String> QUERY_VALUES = List.of("%00", "%ED%A0%80", "x".repeat(5000), "x".repeat(9000), "-1", "99999999999999999999", "%20", "[]");

    private final HttpClient http;
    private final int maxRequests;
    private final Duration maxTime;
    private final AtomicInteger sent = new AtomicInteger();
    private final ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();

    OpenApiFuzzer(HttpClient http, int maxRequests, Duration maxTime) {
        this.http = http;
        this.maxRequests = maxRequests;
        this.maxTime = maxTime;
    }

    int sent() {
        return sent.get();
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Fuzzes every operation of the document at {@code base + /v3/api-docs}, as no one and with {@code token}. */
    void fuzz(String service, URI base, JsonNode document, String token, Instant deadline) throws InterruptedException {
        var requests = new ArrayList<HttpRequest>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").properties().iterator(); paths.hasNext(); ) {
            var path = paths.next();
            for (var method : List.of("get", "post", "put", "patch", "delete")) {
                var operation = path.getValue().get(method);
                if (operation != null) {
                    for (var request : cases(base, path.getKey(), method.toUpperCase(), operation, document)) {
                        requests.add(request.build());
                        requests.add(request.copy().header("Authorization", "Bearer " + token).build());
                    }
                }
            }
        }
        var parallel = new Semaphore(4);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var request : requests) {
                if (sent.get() >= maxRequests || Instant.now().isAfter(deadline)) {
                    break;
                }
                parallel.acquire();
                sent.incrementAndGet();
                executor.submit(() -> {
                    try {
                        check(service, request);
                    } finally {
                        parallel.release();
                    }
                });
            }
        }
    }

    Instant deadline() {
        return Instant.now().plus(maxTime);
    }

    private void check(String service, HttpRequest request) {
        var shown = request.uri().getRawPath() + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            var type = response.headers().firstValue("Content-Type").orElse("");
            String body;
            try (var stream = response.body()) {
                // a stream of events (the live fleet) ends only with its token: its status and type are what can be judged
                body = type.startsWith("text/event-stream") ? "" : new String(stream.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            var problem = response.statusCode() >= 500
                    || response.statusCode() >= 400 && !type.startsWith("application/problem+json")
                    || INTERNALS.matcher(body).find();
            if (problem) {
                findings.add(new Finding(service, request.method(), shown, String.valueOf(request.headers().firstValue("X-Fuzz-Body").orElse("")),
                        response.statusCode(), type + " " + body));
            }
        } catch (java.net.http.HttpTimeoutException slow) {
            // a stream (the partner feed) answers slowly by design; a service that hangs shows up in its other cases
        } catch (Exception e) {
            findings.add(new Finding(service, request.method(), shown, "", -1, e.toString()));
        }
    }

    private List<HttpRequest.Builder> cases(URI base, String template, String method, JsonNode operation, JsonNode document) {
        var cases = new ArrayList<HttpRequest.Builder>();
        var parameters = operation.path("parameters");
        var hasPathParameter = template.contains("{");
        // path ids: each hostile value in every id at once (one id is enough to be refused)
        for (var value : hasPathParameter ? PATH_VALUES : List.of("")) {
            cases.add(request(base, expand(template, value), "", method, Optional.empty()));
        }
        var path = expand(template, UUID.randomUUID().toString());
        for (var parameter : parameters) {
            if (parameter.path("in").asString("").equals("query")) {
                for (var value : QUERY_VALUES) {
                    cases.add(request(base, path, "?" + URLEncoder.encode(parameter.path("name").asString(), StandardCharsets.UTF_8) + "=" + value,
                            method, Optional.empty()));
                }
            }
        }
        var content = operation.path("requestBody").path("content");
        if (content.has("application/json")) {
            var schema = resolve(content.path("application/json").path("schema"), document);
            for (var body : bodies(schema, document)) {
                cases.add(request(base, path, "", method, Optional.of(body)));
            }
        } else if (content.has("application/octet-stream")) {
            cases.add(request(base, path, "?name=fuzz", method, Optional.of("")).header("Content-Type", "application/octet-stream"));
            cases.add(request(base, path, "?name=%00", method, Optional.of("<svg onload=alert(1)>")).header("Content-Type", "application/octet-stream"));
        }
        return cases;
    }

    private static String expand(String template, String value) {
        return template.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(value));
    }

    private static HttpRequest.Builder request(URI base, String path, String query, String method, Optional<String> body) {
        var builder = HttpRequest.newBuilder(URI.create(base + path + query)).timeout(Duration.ofSeconds(10));
        if (body.isPresent()) {
            builder.header("Content-Type", "application/json").header("X-Fuzz-Body", abbreviate(body.get()).replaceAll("[^\\x20-\\x7e]", "?"))
                    .method(method, HttpRequest.BodyPublishers.ofString(body.get()));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder;
    }

    /** Malformed bodies, then each field of a plausible body made hostile in turn. */
    private static List<String> bodies(JsonNode schema, JsonNode document) {
        var bodies = new ArrayList<>(List.of("", "{", "[]", "null", "\"text\"", "{}", "[".repeat(2000) + "]".repeat(2000),
                "{\"a\":" + "{\"a\":".repeat(1000) + "1" + "}".repeat(1001)));
        var plausible = plausible(schema, document, 0);
        if (plausible instanceof ObjectNode object) {
            for (var field : List.copyOf(object.propertyNames())) {
                for (var hostile : hostileValues()) {
                    var copy = object.deepCopy();
                    copy.set(field, hostile);
                    bodies.add(copy.toString());
                }
            }
            bodies.add(object.toString());
        }
        return bodies;
    }

    private static List<JsonNode> hostileValues() {
        return List.of(NODES.stringNode("a\u0000b"), NODES.stringNode("x\ud800"), NODES.stringNode("x".repeat(10_000)), NODES.stringNode(""),
                NODES.stringNode("+10000-01-01"), NODES.stringNode("2026-13-45T25:61:00Z"), NODES.stringNode("https://exämple.org/ü"),
                NODES.numberNode(-1), NODES.numberNode(1e308), NODES.numberNode(Long.MAX_VALUE), NODES.booleanNode(true), NODES.nullNode(),
                NODES.arrayNode().add(NODES.stringNode("\u0000")), NODES.objectNode());
    }

    private static JsonNode plausible(JsonNode schema, JsonNode document, int depth) {
        schema = resolve(schema, document);
        if (depth > 4) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            return schema.path("enum").path(0);
        }
        return switch (schema.path("type").asString("object")) {
            case "string" -> switch (schema.path("format").asString("")) {
                case "uuid" -> NODES.stringNode(UUID.randomUUID().toString());
                case "date" -> NODES.stringNode("2026-06-01");
                case "date-time" -> NODES.stringNode("2026-06-01T10:00:00Z");
                case "uri" -> NODES.stringNode("https://example.org/");
                case "email" -> NODES.stringNode("fuzz@example.org");
                default -> NODES.stringNode("fuzz");
            };
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(plausible(schema.path("items"), document, depth + 1));
            default -> {
                var object = NODES.objectNode();
                var properties = new LinkedHashMap<String, JsonNode>();
                schema.path("properties").properties().forEach(entry -> properties.put(entry.getKey(), entry.getValue()));
                properties.forEach((name, property) -> object.set(name, plausible(property, document, depth + 1)));
                yield object;
            }
        };
    }

    private static JsonNode resolve(JsonNode schema, JsonNode document) {
        var reference = schema.path("$ref").asString("");
        if (reference.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(reference.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
    }
}
