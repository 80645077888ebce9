package io.vizora.schemas;

public class UnknownEventTypeException extends IllegalArgumentException {

    public UnknownEventTypeException(String eventType) {
        super("event type '" + eventType + "' is not in the topic catalogue (" + TopicCatalogue.RESOURCE + ")");
    }
}
