package io.vizora.partner.feed;

import io.vizora.consumer.ConsumedEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Each organisation's public events, numbered 1, 2, 3... in the order they were folded. */
@Repository
public class Feed {

    /** Wakes long-polling readers and webhook delivery; Postgres delivers it when the append commits. */
    public static final String CHANNEL = "vizora_partner_feed";

    /** One stored event: its position, type and the CloudEvent as partners receive it. */
    public record Entry(long position, UUID eventId, String type, String event) {
    }

    private final DatabaseClient db;

    public Feed(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Takes the organisation's next position (the head row stays locked until this transaction
     * commits, so positions become visible in order and without gaps) and stores the event there.
     */
    static Mono<Void> append(DatabaseClient db, ConsumedEvent event) {
        return db.sql("SELECT 1 FROM partner_event WHERE event_id = :id").bind("id", event.id()).map(row -> true).one()
                .switchIfEmpty(appendNew(db, event).thenReturn(false))
                .then();
    }

    /** Another consumer group (a rebuild of the dedup records) may have appended it already: an event has one position. */
    private static Mono<Void> appendNew(DatabaseClient db, ConsumedEvent event) {
        return db.sql("""
                        INSERT INTO partner_feed_head (organisation_id, position) VALUES (:organisation, 1)
                        ON CONFLICT (organisation_id) DO UPDATE SET position = partner_feed_head.position + 1
                        RETURNING position""")
                .bind("organisation", event.tenantId())
                .map(row -> row.get("position", Long.class)).one()
                .flatMap(position -> db.sql("""
                                INSERT INTO partner_event (organisation_id, position, event_id, type, event)
                                VALUES (:organisation, :position, :id, :type, :event)""")
                        .bind("organisation", event.tenantId()).bind("position", position).bind("id", event.id())
                        .bind("type", event.type()).bind("event", PublicCloudEvent.of(event, position))
                        .then())
                .then(db.sql("SELECT pg_notify('" + CHANNEL + "', :organisation)").bind("organisation", event.tenantId().toString())
                        .then());
    }

    public Flux<Entry> after(UUID organisation, long position, int limit) {
        return db.sql("""
                        SELECT position, event_id, type, event FROM partner_event
                        WHERE organisation_id = :organisation AND position > :position ORDER BY position LIMIT :limit""")
                .bind("organisation", organisation).bind("position", position).bind("limit", limit)
                .map(row -> new Entry(row.get("position", Long.class), row.get("event_id", UUID.class),
                        row.get("type", String.class), row.get("event", String.class)))
                .all();
    }

    public Mono<Entry> at(UUID organisation, long position) {
        return after(organisation, position - 1, 1).next().filter(entry -> entry.position() == position);
    }

    /** The organisation's last position, 0 before its first public event. */
    public Mono<Long> head(UUID organisation) {
        return db.sql("SELECT position FROM partner_feed_head WHERE organisation_id = :organisation")
                .bind("organisation", organisation).map(row -> row.get("position", Long.class)).one().defaultIfEmpty(0L);
    }
}
