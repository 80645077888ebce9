package io.vizora.command.scheduling.application;

import io.vizora.command.CommandEvents;
import io.vizora.command.domain.ExpectedVersion;
import io.vizora.command.domain.RuleViolation;
import io.vizora.command.identity.application.Authorization;
import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.Permission;
import io.vizora.command.scheduling.domain.Campaign;
import io.vizora.command.scheduling.domain.CampaignState;
import io.vizora.command.scheduling.domain.SchedulingEvents;
import io.vizora.command.scheduling.domain.SchedulingEvents.CampaignSnapshot;
import io.vizora.command.scheduling.persistence.CampaignRepository;
import io.vizora.command.scheduling.persistence.CampaignRepository.StoredCampaign;
import io.vizora.command.scheduling.persistence.PlaylistRepository;
import io.vizora.command.web.DomainProblem;
import io.vizora.command.web.Preconditions;
import io.vizora.outbox.OutboxWriter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Campaigns through their life: drafted by editors, published and ended by admins. A published
 * campaign may still be changed, by those who may publish, and only into something publishable.
 */
@Service
public class CampaignService {

    private static final ZoneOffset LAST_TIME_ZONE = ZoneOffset.ofHours(-12);

    private final CampaignRepository campaigns;
    private final PlaylistRepository playlists;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;

    public CampaignService(CampaignRepository campaigns, PlaylistRepository playlists, OutboxWriter outbox, TransactionalOperator transaction) {
        this.campaigns = campaigns;
        this.playlists = playlists;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    public Mono<StoredCampaign> create(Caller caller, Campaign campaign) {
        var campaignId = UUID.randomUUID();
        return Authorization.require(caller, Permission.CAMPAIGNS_MANAGE)
                .then(checked(caller, campaign, false))
                .then(campaigns.insert(caller.organisationId(), campaignId, campaign))
                .then(emit(caller, campaignId, SchedulingEvents.CAMPAIGN_CREATED, CampaignSnapshot.of(campaignId, campaign)))
                .then(campaigns.find(caller.organisationId(), campaignId))
                .as(transaction::transactional);
    }

    /** Replaces the campaign if it is still at a version the change was made from; otherwise 412 naming the current one. */
    public Mono<StoredCampaign> update(Caller caller, UUID campaignId, ExpectedVersion expected, Campaign campaign) {
        return Authorization.require(caller, Permission.CAMPAIGNS_MANAGE)
                .then(locked(caller, campaignId))
                .flatMap(stored -> {
                    if (!expected.admits(stored.version())) {
                        return Mono.error(Preconditions.stale("Campaign", campaignId, stored.version()));
                    }
                    if (!stored.state().mayChange()) {
                        return Mono.error(conflict(campaignId, "has ended and cannot change"));
                    }
                    var published = stored.state() == CampaignState.PUBLISHED;
                    return Authorization.require(caller, published ? Permission.CAMPAIGNS_PUBLISH : Permission.CAMPAIGNS_MANAGE)
                            .then(checked(caller, campaign, published));
                })
                .then(campaigns.update(caller.organisationId(), campaignId, campaign))
                .then(emit(caller, campaignId, SchedulingEvents.CAMPAIGN_UPDATED, CampaignSnapshot.of(campaignId, campaign)))
                .then(campaigns.find(caller.organisationId(), campaignId))
                .as(transaction::transactional);
    }

    /**
     * Takes over the targets now: creates the campaign and publishes it in one transaction, so it
     * starts at once and nobody sees it as a draft; it ends by itself at the end of its period, or
     * earlier when someone ends it.
     */
    public Mono<StoredCampaign> takeOver(Caller caller, java.util.function.Function<java.time.Instant, Campaign> takeover) {
        var campaignId = UUID.randomUUID();
        return Authorization.require(caller, Permission.CAMPAIGNS_PUBLISH)
                // to the millisecond, as Postgres keeps it, so the event and the row say the same instant
                .then(Mono.fromSupplier(() -> takeover.apply(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))))
                .flatMap(campaign -> checked(caller, campaign, true)
                        .then(campaigns.insert(caller.organisationId(), campaignId, campaign))
                        .then(emit(caller, campaignId, SchedulingEvents.CAMPAIGN_CREATED, CampaignSnapshot.of(campaignId, campaign))))
                .then(campaigns.changeState(caller.organisationId(), campaignId, CampaignState.PUBLISHED))
                .then(emit(caller, campaignId, SchedulingEvents.CampaignPublished.TYPE, new SchedulingEvents.CampaignPublished(campaignId)))
                .then(campaigns.find(caller.organisationId(), campaignId))
                .as(transaction::transactional);
    }

    public Mono<StoredCampaign> publish(Caller caller, UUID campaignId) {
        return Authorization.require(caller, Permission.CAMPAIGNS_PUBLISH)
                .then(locked(caller, campaignId))
                .flatMap(stored -> stored.state().mayPublish()
                        ? checked(caller, stored.campaign(), true)
                        : Mono.error(conflict(campaignId, "is " + stored.state().code() + "; only a draft can be published")))
                .then(campaigns.changeState(caller.organisationId(), campaignId, CampaignState.PUBLISHED))
                .then(emit(caller, campaignId, SchedulingEvents.CampaignPublished.TYPE, new SchedulingEvents.CampaignPublished(campaignId)))
                .then(campaigns.find(caller.organisationId(), campaignId))
                .as(transaction::transactional);
    }

    public Mono<StoredCampaign> end(Caller caller, UUID campaignId) {
        return Authorization.require(caller, Permission.CAMPAIGNS_PUBLISH)
                .then(locked(caller, campaignId))
                .flatMap(stored -> stored.state().mayEnd()
                        ? campaigns.changeState(caller.organisationId(), campaignId, CampaignState.ENDED)
                        : Mono.error(conflict(campaignId, "is " + stored.state().code() + "; only a published campaign can be ended")))
                .then(emit(caller, campaignId, SchedulingEvents.CampaignEnded.TYPE,
                        new SchedulingEvents.CampaignEnded(campaignId, SchedulingEvents.CampaignEnded.BY_OPERATOR)))
                .then(campaigns.find(caller.organisationId(), campaignId))
                .as(transaction::transactional);
    }

    public Mono<Void> delete(Caller caller, UUID campaignId) {
        return Authorization.require(caller, Permission.CAMPAIGNS_MANAGE)
                .then(locked(caller, campaignId))
                .flatMap(stored -> stored.state().mayDelete()
                        ? campaigns.delete(caller.organisationId(), campaignId)
                        : Mono.error(conflict(campaignId, "is published; end it before deleting it")))
                .then(emit(caller, campaignId, SchedulingEvents.CampaignDeleted.TYPE, new SchedulingEvents.CampaignDeleted(campaignId)))
                .as(transaction::transactional);
    }

    public Mono<StoredCampaign> get(Caller caller, UUID campaignId) {
        return Authorization.require(caller, Permission.CAMPAIGNS_READ)
                .then(campaigns.find(caller.organisationId(), campaignId))
                .switchIfEmpty(Mono.error(() -> Authorization.notFound("campaign", campaignId)));
    }

    public Flux<StoredCampaign> list(Caller caller, CampaignState state) {
        return Authorization.require(caller, Permission.CAMPAIGNS_READ).thenMany(campaigns.all(caller.organisationId(), state));
    }

    private Mono<StoredCampaign> locked(Caller caller, UUID campaignId) {
        return campaigns.findForUpdate(caller.organisationId(), campaignId)
                .switchIfEmpty(Mono.error(() -> Authorization.notFound("campaign", campaignId)));
    }

    /** Every problem at once: the campaign's own, then what it refers to that the organisation does not have. */
    private Mono<Void> checked(Caller caller, Campaign campaign, boolean toPublish) {
        var organisation = caller.organisationId();
        var targets = campaign.targets();
        var unknown = Flux.concat(
                campaigns.unknownDisplays(organisation, targets.displayIds()).map(id -> "there is no display " + id),
                campaigns.unknownGroups(organisation, targets.groupIds()).map(id -> "there is no display group " + id));
        return playlists.find(organisation, campaign.playlistId())
                .map(playlist -> playlist.items().size())
                .map(List::of)
                .defaultIfEmpty(List.of())
                .zipWith(unknown.collectList())
                .flatMap(found -> {
                    var problems = new ArrayList<String>();
                    if (found.getT1().isEmpty()) {
                        problems.add("there is no playlist " + campaign.playlistId());
                    }
                    var items = found.getT1().isEmpty() ? 1 : found.getT1().getFirst();
                    problems.addAll(toPublish ? campaign.problemsToPublish(LocalDate.now(LAST_TIME_ZONE), java.time.Instant.now(), items) : campaign.problems());
                    problems.addAll(found.getT2());
                    return Mono.fromRunnable(() -> RuleViolation.throwIfAny("Invalid campaign", problems));
                });
    }

    private Mono<Void> emit(Caller caller, UUID campaignId, String type, Object data) {
        return outbox.append(CommandEvents.by(caller, type, campaignId, data)).then();
    }

    private static DomainProblem conflict(UUID campaignId, String why) {
        return new DomainProblem(HttpStatus.CONFLICT, "Campaign state", "Campaign " + campaignId + " " + why + ".");
    }
}
