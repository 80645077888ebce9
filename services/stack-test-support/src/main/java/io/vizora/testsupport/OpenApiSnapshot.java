package io.vizora.testsupport;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * A service's OpenAPI document as the console is built from it ({@code openapi/<service>.json}, the
 * console's generated client and types): a test compares the live document with it and fails when
 * they differ, so an API change is seen and the console rebuilt against it. With
 * {@code VIZORA_UPDATE_OPENAPI=1} the test writes the live document instead.
 */
public final class OpenApiSnapshot {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private OpenApiSnapshot() {
    }

    /** Null when the committed document is the live one; otherwise what to do about it. */
    public static String differences(String service, String liveDocument) {
        var file = TestStack.repositoryRoot().resolve("openapi").resolve(service + ".json");
        var live = normalised(liveDocument);
        try {
            if ("1".equals(System.getenv("VIZORA_UPDATE_OPENAPI"))) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, live);
                return null;
            }
            if (!Files.exists(file)) {
                return file + " is missing: run this test with VIZORA_UPDATE_OPENAPI=1 and commit it";
            }
            return Files.readString(file).equals(live) ? null
                    : "the " + service + " API changed: run this test with VIZORA_UPDATE_OPENAPI=1, rebuild the console (make build) and commit " + file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys sorted, and without the servers list, which names the port the test happened to get. */
    private static String normalised(String document) {
        var tree = (ObjectNode) JSON.readTree(document);
        tree.remove("servers");
        return JSON.writeValueAsString(JSON.convertValue(tree, Map.class)) + "\n";
    }
}
