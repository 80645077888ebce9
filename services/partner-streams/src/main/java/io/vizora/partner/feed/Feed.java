package io.vizora.partner.feed;

import io.vizora.consumer.ConsumedEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

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
     * Appends a run of events in their order, each organisation's at its next positions. Its head
     * row stays locked until this transaction commits, so positions become visible in order and
     * without gaps; heads are taken in one order (by organisation id) so that two consumers
     * appending for the same organisations never deadlock. An event already in the feed keeps its
     * position: another consumer group (a rebuild of the dedup records) may have appended it.
     */
    static Mono<Void> appendAll(List<ConsumedEvent> events, DatabaseClient db) {
        return db.sql("SELECT event_id FROM partner_event WHERE event_id = ANY(CAST(:ids AS uuid[]))")
                .bind("ids", events.stream().map(ConsumedEvent::id).toArray(UUID[]::new))
                .map(row -> row.get(0, UUID.class)).all().collect(Collectors.toSet())
                .flatMapMany(present -> {
                    var byOrganisation = new TreeMap<UUID, List<ConsumedEvent>>();
                    events.stream().filter(event -> !present.contains(event.id()))
                            .forEach(event -> byOrganisation.computeIfAbsent(event.tenantId(), organisation -> new ArrayList<>()).add(event));
                    return Flux.fromIterable(byOrganisation.entrySet());
                })
                .concatMap(organisation -> append(db, organisation.getKey(), organisation.getValue()))
                .then();
    }

    private static Mono<Void> append(DatabaseClient db, UUID organisation, List<ConsumedEvent> events) {
        return db.sql("""
                        INSERT INTO partner_feed_head (organisation_id, position) VALUES (:organisation, :count)
                        ON CONFLICT (organisation_id) DO UPDATE SET position = partner_feed_head.position + EXCLUDED.position
                        RETURNING position""")
                .bind("organisation", organisation).bind("count", (long) events.size())
                .map(row -> row.get("position", Long.class)).one()
                .flatMap(last -> {
                    var first = last - events.size() + 1;
                    var positions = new Long[events.size()];
                    for (int i = 0; i < events.size(); i++) {
                        positions[i] = first + i;
                    }
                    // types and events go as one text of lines each, which the statement splits: the driver escapes
                    // a text[] character by character on its one event loop (a bytea is no better: it writes hexadecimal
                    // text), and for the public events of thousands of plays (ADR 0033) that was most of this service's CPU
                    return db.sql("""
                                    INSERT INTO partner_event (organisation_id, position, event_id, type, event)
                                    SELECT :organisation, * FROM unnest(CAST(:positions AS bigint[]), CAST(:ids AS uuid[]),
                                                                        string_to_array(:types, E'\\n'),
                                                                        string_to_array(:events, E'\\n'))""")
                            .bind("organisation", organisation).bind("positions", positions)
                            .bind("ids", events.stream().map(ConsumedEvent::id).toArray(UUID[]::new))
                            .bind("types", String.join("\n", events.stream().map(ConsumedEvent::type).toList()))
                            .bind("events", PublicCloudEvent.lines(events, first))
                            .then();
                })
                .then(db.sql("SELECT pg_notify('" + CHANNEL + "', :organisation)").bind("organisation", organisation.toString()).then());
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
