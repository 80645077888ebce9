package io.vizora.partner.feed;

import io.vizora.consumer.ConsumedEvent;
import io.vizora.consumer.EventHandler;
import io.vizora.consumer.EventRuns;
import io.vizora.platform.security.ApiKeyDirectory;
import io.vizora.schemas.PublicEvents;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Folds the topics into what partners see: API keys (created, revoked) and every public event
 * appended to its organisation's feed.
 */
public final class PartnerFold implements EventHandler {

    /** Partners' keys, in the partner schema. */
    public static final ApiKeyDirectory KEYS = new ApiKeyDirectory("partner_key");

    private final PublicEvents publicEvents;

    public PartnerFold(PublicEvents publicEvents) {
        this.publicEvents = publicEvents;
    }

    /** The types this fold has anything to do with; the consumer passes over the rest. */
    @Override
    public boolean folds(String type) {
        return ApiKeyDirectory.folds(type) || publicEvents.isPublic(type);
    }

    /** Runs of public events are appended together, with one head update per organisation; keys are folded in turn. */
    @Override
    public Mono<Void> applyAll(List<ConsumedEvent> events, DatabaseClient db) {
        return EventRuns.apply(events, db, event -> !ApiKeyDirectory.folds(event.type()), Feed::appendAll, this);
    }

    @Override
    public Mono<Void> apply(ConsumedEvent event, DatabaseClient db) {
        return ApiKeyDirectory.folds(event.type()) ? KEYS.fold(db, event.type(), event.tenantId(), event.data()) : Feed.appendAll(List.of(event), db);
    }
}
