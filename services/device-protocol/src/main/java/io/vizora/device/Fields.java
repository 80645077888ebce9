package io.vizora.device;

import tools.jackson.databind.JsonNode;

/** Required properties of the protocol's documents, with an error that names the missing one. */
final class Fields {

    static String text(JsonNode node, String name) {
        var value = node.path(name);
        if (!value.isString()) {
            throw new IllegalArgumentException(name + " is missing or not a string");
        }
        return value.asString();
    }

    private Fields() {
    }
}
