package io.vizora.command.fleet.application;

import io.vizora.command.fleet.domain.DisplayGroupEvents;
import io.vizora.command.fleet.persistence.DisplayGroupRepository;
import io.vizora.command.fleet.persistence.DisplayGroupRepository.DisplayGroup;
import io.vizora.command.identity.application.Authorization;
import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.Permission;
import io.vizora.command.web.DomainProblem;
import io.vizora.command.CommandEvents;
import io.vizora.outbox.OutboxWriter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Creating, renaming and deleting display groups; each change with its event, in one transaction. */
@Service
public class DisplayGroupService {

    private final DisplayGroupRepository groups;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;

    public DisplayGroupService(DisplayGroupRepository groups, OutboxWriter outbox, TransactionalOperator transaction) {
        this.groups = groups;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    public Mono<DisplayGroup> create(Caller caller, String name) {
        var group = new DisplayGroup(UUID.randomUUID(), name.strip());
        return Authorization.require(caller, Permission.FLEET_MANAGE)
                .then(groups.insert(caller.organisationId(), group))
                .flatMap(inserted -> inserted
                        ? emit(caller, group.groupId(), DisplayGroupEvents.Created.TYPE, new DisplayGroupEvents.Created(group.groupId(), group.name()))
                        : Mono.error(nameTaken(group.name())))
                .as(transaction::transactional)
                .thenReturn(group);
    }

    public Mono<DisplayGroup> rename(Caller caller, UUID groupId, String name) {
        var renamed = new DisplayGroup(groupId, name.strip());
        return Authorization.require(caller, Permission.FLEET_MANAGE)
                .then(groups.rename(caller.organisationId(), groupId, renamed.name()))
                .switchIfEmpty(Mono.error(Authorization.notFound("display group", groupId)))
                .flatMap(done -> done
                        ? emit(caller, groupId, DisplayGroupEvents.Renamed.TYPE, new DisplayGroupEvents.Renamed(groupId, renamed.name()))
                        : Mono.error(nameTaken(renamed.name())))
                .as(transaction::transactional)
                .thenReturn(renamed);
    }

    public Mono<Void> delete(Caller caller, UUID groupId) {
        return Authorization.require(caller, Permission.FLEET_MANAGE)
                .then(groups.delete(caller.organisationId(), groupId))
                .flatMap(deleted -> deleted
                        ? emit(caller, groupId, DisplayGroupEvents.Deleted.TYPE, new DisplayGroupEvents.Deleted(groupId))
                        : Mono.error(Authorization.notFound("display group", groupId)))
                .as(transaction::transactional);
    }

    public Mono<DisplayGroup> get(Caller caller, UUID groupId) {
        return Authorization.require(caller, Permission.FLEET_READ)
                .then(groups.find(caller.organisationId(), groupId))
                .switchIfEmpty(Mono.error(Authorization.notFound("display group", groupId)));
    }

    public Flux<DisplayGroup> list(Caller caller) {
        return Authorization.require(caller, Permission.FLEET_READ).thenMany(groups.all(caller.organisationId()));
    }

    private Mono<Void> emit(Caller caller, UUID groupId, String type, Object data) {
        return outbox.append(CommandEvents.by(caller, type, groupId, data)).then();
    }

    private static DomainProblem nameTaken(String name) {
        return new DomainProblem(HttpStatus.CONFLICT, "Name taken", "The organisation has a display group named '" + name + "' already.");
    }
}
