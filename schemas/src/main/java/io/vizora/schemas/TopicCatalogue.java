package io.vizora.schemas;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of Vizora's topics ({@code vizora/topics.json}): which topic carries an event
 * type, what its key is, its partitions, retention and cleanup policy, and its dead-letter topic.
 */
public final class TopicCatalogue {

    static final String RESOURCE = "vizora/topics.json";

    private record Document(List<Topic> topics, DeadLetterPolicy deadLetter) {
    }

    private final List<Topic> topics;
    private final DeadLetterPolicy deadLetter;
    private final Map<String, Topic> topicByEventType = new HashMap<>();

    private TopicCatalogue(Document document) {
        this.topics = List.copyOf(document.topics());
        this.deadLetter = document.deadLetter();
        for (var topic : topics) {
            for (var type : topic.eventTypes()) {
                var previous = topicByEventType.put(type, topic);
                if (previous != null) {
                    throw new IllegalStateException(type + " is listed on both " + previous.name() + " and " + topic.name());
                }
            }
        }
    }

    public static TopicCatalogue load() {
        try (InputStream in = TopicCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new TopicCatalogue(JsonMapper.shared().readValue(in, Document.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Topic> topics() {
        return topics;
    }

    public DeadLetterPolicy deadLetter() {
        return deadLetter;
    }

    public Optional<Topic> topicOf(String eventType) {
        return Optional.ofNullable(topicByEventType.get(eventType));
    }

    /** The topic an event type is published to; an event type outside the catalogue is a bug. */
    public Topic topicFor(String eventType) {
        return topicOf(eventType).orElseThrow(() -> new UnknownEventTypeException(eventType));
    }

    public List<String> eventTypes() {
        return topics.stream().flatMap(topic -> topic.eventTypes().stream()).sorted().toList();
    }
}
