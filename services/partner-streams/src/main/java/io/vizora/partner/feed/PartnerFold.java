package io.vizora.partner.feed;

import io.vizora.consumer.ConsumedEvent;
import io.vizora.consumer.EventHandler;
import io.vizora.partner.keys.PartnerKeys;
import io.vizora.schemas.PublicEvents;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Folds the topics into what partners see: API keys (created, revoked) and every public event
 * appended to its organisation's feed.
 */
public final class PartnerFold implements EventHandler {

    static final String KEY_CREATED = "vizora.identity.api_key_created.v1";
    static final String KEY_REVOKED = "vizora.identity.api_key_revoked.v1";
    private static final Set<String> KEY_EVENTS = Set.of(KEY_CREATED, KEY_REVOKED);

    private final PublicEvents publicEvents;

    public PartnerFold(PublicEvents publicEvents) {
        this.publicEvents = publicEvents;
    }

    /** The types this fold has anything to do with; the consumer passes over the rest. */
    public boolean wants(String type) {
        return KEY_EVENTS.contains(type) || publicEvents.isPublic(type);
    }

    @Override
    public Mono<Void> apply(ConsumedEvent event, DatabaseClient db) {
        return switch (event.type()) {
            case KEY_CREATED -> PartnerKeys.created(db, event);
            case KEY_REVOKED -> PartnerKeys.revoked(db, event);
            default -> Feed.append(db, event);
        };
    }
}
