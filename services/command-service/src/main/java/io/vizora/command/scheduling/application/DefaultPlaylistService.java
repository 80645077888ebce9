package io.vizora.command.scheduling.application;

import io.vizora.command.CommandEvents;
import io.vizora.command.domain.RuleViolation;
import io.vizora.command.identity.application.Authorization;
import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.Permission;
import io.vizora.command.scheduling.domain.SchedulingEvents;
import io.vizora.command.scheduling.persistence.PlaylistRepository;
import io.vizora.outbox.OutboxWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The organisation's default playlist: what every display plays when no campaign and no default of
 * its own does. It changes what all screens show, so it takes the publish permission.
 */
@Service
public class DefaultPlaylistService {

    private final PlaylistRepository playlists;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;

    public DefaultPlaylistService(PlaylistRepository playlists, OutboxWriter outbox, TransactionalOperator transaction) {
        this.playlists = playlists;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    /** Sets the default, or clears it when {@code playlistId} is null. */
    public Mono<Optional<UUID>> set(Caller caller, UUID playlistId) {
        var known = playlistId == null ? Mono.just(true)
                : playlists.lockedVersion(caller.organisationId(), playlistId).map(found -> true).defaultIfEmpty(false);
        return Authorization.require(caller, Permission.CAMPAIGNS_PUBLISH)
                .then(known)
                .flatMap(found -> found ? playlists.setOrganisationDefault(caller.organisationId(), playlistId)
                        : Mono.error(new RuleViolation("Invalid default playlist", List.of("there is no playlist " + playlistId))))
                .then(outbox.append(CommandEvents.by(caller, SchedulingEvents.DefaultPlaylistSet.TYPE, caller.organisationId(),
                        new SchedulingEvents.DefaultPlaylistSet(playlistId))))
                .as(transaction::transactional)
                .thenReturn(Optional.ofNullable(playlistId));
    }

    public Mono<Optional<UUID>> get(Caller caller) {
        return Authorization.require(caller, Permission.CAMPAIGNS_READ).then(playlists.organisationDefault(caller.organisationId()));
    }
}
