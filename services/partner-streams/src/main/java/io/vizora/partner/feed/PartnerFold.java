package io.vizora.partner.feed;

import io.vizora.consumer.ConsumedEvent;
import io.vizora.consumer.EventHandler;
import io.vizora.consumer.EventRuns;
import io.vizora.platform.security.ApiKeyDirectory;
import io.vizora.schemas.PlayReports;
import io.vizora.schemas.PublicEvents;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds the topics into what partners see: API keys (created, revoked) and every public event
 * appended to its organisation's feed. A report of plays reaches partners as one
 * {@value PlayReports#PLAY} per play, as before ADR 0033, each under its play id: a play an agent
 * sent again in another report is then recognised by the feed like any event it holds.
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
        return ApiKeyDirectory.folds(type) || publicEvents.isPublic(type) || PlayReports.REPORT.equals(type);
    }

    /** Runs of public events are appended together, with one head update per organisation; keys are folded in turn. */
    @Override
    public Mono<Void> applyAll(List<ConsumedEvent> events, DatabaseClient db) {
        return EventRuns.apply(eachPlayAlone(events), db, event -> !ApiKeyDirectory.folds(event.type()), Feed::appendAll, this);
    }

    @Override
    public Mono<Void> apply(ConsumedEvent event, DatabaseClient db) {
        return ApiKeyDirectory.folds(event.type()) ? KEYS.fold(db, event.type(), event.tenantId(), event.data()) : Feed.appendAll(eachPlayAlone(List.of(event)), db);
    }

    private static List<ConsumedEvent> eachPlayAlone(List<ConsumedEvent> events) {
        if (events.stream().noneMatch(event -> event.type().equals(PlayReports.REPORT))) {
            return events;
        }
        var each = new ArrayList<ConsumedEvent>(events.size());
        for (var event : events) {
            if (!event.type().equals(PlayReports.REPORT)) {
                each.add(event);
                continue;
            }
            for (var play : PlayReports.plays(event.type(), event.id(), event.data())) {
                each.add(new ConsumedEvent(play.id(), PlayReports.PLAY, event.subject(), event.tenantId(), event.principal(), event.time(),
                        play.data(), event.topic(), event.partition(), event.offset()));
            }
        }
        return each;
    }
}
