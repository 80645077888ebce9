package io.vizora.outbox;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.vizora.device.TimeOrderedIds;
import io.vizora.schemas.EventContract;
import io.vizora.schemas.EventType;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Turns an {@link OutboxEvent} into a CloudEvent in structured JSON and checks it against the
 * contract, so that no event that breaks its schema ever reaches the outbox.
 */
public final class CloudEventEncoder {

    private static final EventFormat JSON = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private final URI source;
    private final EventContract contract;
    private final JsonMapper json;
    private final Clock clock;

    /** @param service the emitting service's name; events carry {@code /vizora/<service>} as source */
    public CloudEventEncoder(String service, EventContract contract, JsonMapper json, Clock clock) {
        this.source = URI.create("/vizora/" + service);
        this.contract = contract;
        this.json = json;
        this.clock = clock;
    }

    public EncodedEvent encode(OutboxEvent event) {
        var id = TimeOrderedIds.next();
        var type = EventType.parse(event.type());
        var cloudEvent = CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(source)
                .withType(type.name())
                .withSubject(event.aggregateId())
                .withTime(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .withDataSchema(URI.create(type.dataSchemaUri()))
                .withExtension("tenantid", event.tenantId().toString())
                .withExtension("principal", event.principal().toString())
                .withData("application/json", json.writeValueAsBytes(event.data()))
                .build();
        var bytes = JSON.serialize(cloudEvent);
        contract.requireValid(bytes);
        return new EncodedEvent(id, contract.catalogue().topicFor(type.name()).name(), event, bytes);
    }

    /** An event ready for the outbox: its id, its topic, and its bytes. */
    public record EncodedEvent(UUID id, String topic, OutboxEvent event, byte[] cloudEvent) {
    }
}
