package io.vizora.command.scheduling.application;

import io.vizora.command.scheduling.domain.SchedulingEvents.CampaignEnded;
import io.vizora.command.scheduling.persistence.CampaignRepository;
import io.vizora.outbox.OutboxEvent;
import io.vizora.outbox.OutboxWriter;
import io.vizora.outbox.Principal;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Ends published campaigns whose end date has passed, each with its ended event (reason
 * expired, principal system). Every instance may run it: the update locks the rows it ends, so a
 * campaign is ended, and announced, once.
 */
@Component
public class CampaignExpiry {

    private final CampaignRepository campaigns;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;

    public CampaignExpiry(CampaignRepository campaigns, OutboxWriter outbox, TransactionalOperator transaction) {
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    /** Emits how many campaigns it ended. */
    @Scheduled(fixedDelayString = "${vizora.campaigns.expiry-check-interval:PT1M}", initialDelayString = "PT1M")
    public Mono<Long> endExpired() {
        return campaigns.expire()
                .concatMap(expired -> outbox.append(new OutboxEvent(CampaignEnded.TYPE, expired.campaignId(), expired.organisationId(),
                        Principal.system(), new CampaignEnded(expired.campaignId(), CampaignEnded.EXPIRED))))
                .count()
                .as(transaction::transactional);
    }
}
