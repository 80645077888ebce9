package io.vizora.schemas;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The versioned subset of event types partner systems receive ({@code vizora/public-events.json}).
 * Everything else (identity, heartbeats) stays inside Vizora.
 */
public record PublicEvents(int version, String description, List<String> types) {

    static final String RESOURCE = "vizora/public-events.json";

    public PublicEvents {
        types = List.copyOf(types);
        if (Set.copyOf(types).size() != types.size()) {
            throw new IllegalStateException(RESOURCE + " lists a type twice");
        }
    }

    public static PublicEvents load() {
        try (InputStream in = PublicEvents.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return JsonMapper.shared().readValue(in, PublicEvents.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isPublic(String type) {
        return types.contains(type);
    }
}
