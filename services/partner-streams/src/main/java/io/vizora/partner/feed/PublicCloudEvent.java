package io.vizora.partner.feed;

import io.vizora.consumer.ConsumedEvent;
import io.vizora.schemas.EventType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * An event as partners receive it: a CloudEvent 1.0 with the same id, type, subject, time and data
 * as inside Vizora, the organisation as {@code tenantid}, and its place in the organisation's feed
 * as {@code position}. The acting principal stays inside (it names users and keys).
 */
public final class PublicCloudEvent {

    public static final String SOURCE = "/vizora";
    private static final JsonMapper JSON = JsonMapper.shared();

    private PublicCloudEvent() {
    }

    public static String of(ConsumedEvent event, long position) {
        var node = JsonNodeFactory.instance.objectNode()
                .put("specversion", "1.0")
                .put("id", event.id().toString())
                .put("source", SOURCE)
                .put("type", event.type())
                .put("subject", event.subject())
                .put("time", event.time().toString())
                .put("datacontenttype", "application/json")
                .put("dataschema", EventType.parse(event.type()).dataSchemaUri())
                .put("tenantid", event.tenantId().toString())
                .put("position", position);
        node.set("data", event.data());
        return JSON.writeValueAsString(node);
    }
}
