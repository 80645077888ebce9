package io.vizora.command.scheduling.application;

import io.vizora.command.CommandEvents;
import io.vizora.command.domain.ExpectedVersion;
import io.vizora.command.domain.RuleViolation;
import io.vizora.command.identity.application.Authorization;
import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.Permission;
import io.vizora.command.scheduling.domain.Playlist;
import io.vizora.command.scheduling.domain.SchedulingEvents;
import io.vizora.command.scheduling.persistence.PlaylistRepository;
import io.vizora.command.scheduling.persistence.PlaylistRepository.StoredPlaylist;
import io.vizora.command.web.DomainProblem;
import io.vizora.command.web.Preconditions;
import io.vizora.outbox.OutboxWriter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Playlists: ordered content with durations; only content of the organisation that is uploaded goes in. */
@Service
public class PlaylistService {

    private final PlaylistRepository playlists;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;

    public PlaylistService(PlaylistRepository playlists, OutboxWriter outbox, TransactionalOperator transaction) {
        this.playlists = playlists;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    public Mono<StoredPlaylist> create(Caller caller, Playlist playlist) {
        var playlistId = UUID.randomUUID();
        return Authorization.require(caller, Permission.CAMPAIGNS_MANAGE)
                .then(checked(caller, playlist))
                .then(playlists.insert(caller.organisationId(), playlistId, playlist))
                .then(emit(caller, playlistId, SchedulingEvents.PlaylistCreated.TYPE,
                        new SchedulingEvents.PlaylistCreated(playlistId, playlist.name(), playlist.items())))
                .then(playlists.find(caller.organisationId(), playlistId))
                .as(transaction::transactional);
    }

    /**
     * Replaces the playlist if it is still at a version the change was made from; otherwise 412
     * naming the current one. A playlist on screens now (played by a published campaign, or a
     * default) changes what they show at once, so changing it needs the publish permission, as
     * changing a published campaign does (ADR 0009): an editor could otherwise put on screens
     * what nobody allowed to publish has seen.
     */
    public Mono<StoredPlaylist> update(Caller caller, UUID playlistId, ExpectedVersion expected, Playlist playlist) {
        return Authorization.require(caller, Permission.CAMPAIGNS_MANAGE)
                .then(playlists.lockedVersion(caller.organisationId(), playlistId))
                .switchIfEmpty(Mono.error(() -> Authorization.notFound("playlist", playlistId)))
                .flatMap(version -> expected.admits(version) ? mayChangeWhatScreensShow(caller, playlistId).then(checked(caller, playlist))
                        : Mono.error(Preconditions.stale("Playlist", playlistId, version)))
                .then(playlists.update(caller.organisationId(), playlistId, playlist))
                .then(emit(caller, playlistId, SchedulingEvents.PlaylistUpdated.TYPE,
                        new SchedulingEvents.PlaylistUpdated(playlistId, playlist.name(), playlist.items())))
                .then(playlists.find(caller.organisationId(), playlistId))
                .as(transaction::transactional);
    }

    /** Deletes a playlist no campaign plays; otherwise 409 naming the campaigns. */
    public Mono<Void> delete(Caller caller, UUID playlistId) {
        return Authorization.require(caller, Permission.CAMPAIGNS_MANAGE)
                .then(playlists.lockedVersion(caller.organisationId(), playlistId))
                .switchIfEmpty(Mono.error(() -> Authorization.notFound("playlist", playlistId)))
                .flatMap(locked -> playlists.defaultUses(caller.organisationId(), playlistId))
                .flatMap(uses -> !uses.any() ? playlists.campaignsUsing(caller.organisationId(), playlistId).collectList()
                        : Mono.error(new DomainProblem(HttpStatus.CONFLICT, "Playlist in use", "Playlist " + playlistId + " is the default of "
                                + (uses.organisation() ? "the organisation" + (uses.displays() > 0 ? " and of " : "") : "")
                                + (uses.displays() > 0 ? uses.displays() + " display(s)" : "") + "; choose another default first.")))
                .flatMap(campaigns -> campaigns.isEmpty()
                        ? playlists.delete(caller.organisationId(), playlistId)
                                .then(emit(caller, playlistId, SchedulingEvents.PlaylistDeleted.TYPE, new SchedulingEvents.PlaylistDeleted(playlistId)))
                        : Mono.error(new DomainProblem(HttpStatus.CONFLICT, "Playlist in use", "Playlist " + playlistId
                                + " is played by campaigns " + campaigns.stream().map(c -> "'" + c.name() + "' (" + c.campaignId() + ", " + c.state() + ")")
                                .collect(Collectors.joining(", ")) + "; delete or change them first.")
                                .with("campaigns", campaigns.stream().map(c -> Map.of("id", c.campaignId(), "name", c.name(), "state", c.state())).toList())))
                .as(transaction::transactional);
    }

    public Mono<StoredPlaylist> get(Caller caller, UUID playlistId) {
        return Authorization.require(caller, Permission.CAMPAIGNS_READ)
                .then(playlists.find(caller.organisationId(), playlistId))
                .switchIfEmpty(Mono.error(() -> Authorization.notFound("playlist", playlistId)));
    }

    public Flux<StoredPlaylist> list(Caller caller) {
        return Authorization.require(caller, Permission.CAMPAIGNS_READ).thenMany(playlists.all(caller.organisationId()));
    }

    private Mono<Void> mayChangeWhatScreensShow(Caller caller, UUID playlistId) {
        if (caller.may(Permission.CAMPAIGNS_PUBLISH)) {
            return Mono.empty();
        }
        return playlists.defaultUses(caller.organisationId(), playlistId)
                .zipWith(playlists.campaignsUsing(caller.organisationId(), playlistId).filter(campaign -> campaign.state().equals("published")).collectList())
                .flatMap(uses -> !uses.getT1().any() && uses.getT2().isEmpty() ? Mono.<Void>empty()
                        : Mono.error(new DomainProblem(HttpStatus.FORBIDDEN, "Not allowed", "Playlist " + playlistId + " is on screens now ("
                                + (uses.getT2().isEmpty() ? "a default playlist" : "played by published campaign "
                                        + uses.getT2().stream().map(campaign -> "'" + campaign.name() + "'").collect(Collectors.joining(", ")))
                                + "); changing it needs the permission to publish, which admins and owners have.")));
    }

    private Mono<Void> checked(Caller caller, Playlist playlist) {
        return playlists.unusableContent(caller.organisationId(), playlist.contentIds())
                .collectList()
                .flatMap(unusable -> {
                    var problems = new java.util.ArrayList<>(playlist.problems());
                    problems.addAll(unusable);
                    return Mono.fromRunnable(() -> RuleViolation.throwIfAny("Invalid playlist", problems));
                });
    }

    private Mono<Void> emit(Caller caller, UUID playlistId, String type, Object data) {
        return outbox.append(CommandEvents.by(caller, type, playlistId, data)).then();
    }
}
