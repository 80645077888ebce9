package io.vizora.command.fleet.application;

import io.vizora.command.CommandEvents;
import io.vizora.command.domain.RuleViolation;
import io.vizora.command.fleet.domain.FleetCommands;
import io.vizora.command.fleet.persistence.DisplayRepository;
import io.vizora.command.identity.application.Authorization;
import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.Permission;
import io.vizora.outbox.OutboxWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends a fleet command: resolves its targets to the organisation's displays now and emits one
 * event for all of them. Delivery, queueing for offline screens and the outcome per display are
 * the gateway's and the projector's (ADR 0028).
 */
@Service
public class FleetCommandService {

    /** Whom a command is for; ids of another organisation are not found. */
    public record Targets(List<UUID> displayIds, List<UUID> groupIds, List<String> tags, boolean wholeOrganisation) {
    }

    private final DisplayRepository displays;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;

    public FleetCommandService(DisplayRepository displays, OutboxWriter outbox, TransactionalOperator transaction) {
        this.displays = displays;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    public Mono<FleetCommands.Issued> send(Caller caller, FleetCommands.Command command, Targets targets, Duration lifetime) {
        var organisation = caller.organisationId();
        return Authorization.require(caller, Permission.FLEET_COMMAND)
                .then(displays.unknownDisplays(organisation, targets.displayIds()).next()
                        .flatMap(unknown -> Mono.<Void>error(Authorization.notFound("display", unknown))))
                .then(displays.unknownGroups(organisation, targets.groupIds()).next()
                        .flatMap(unknown -> Mono.<Void>error(Authorization.notFound("display group", unknown))))
                .then(displays.reached(organisation, targets.displayIds(), targets.groupIds(), targets.tags(), targets.wholeOrganisation(),
                        FleetCommands.MAX_DISPLAYS + 1).collectList())
                .flatMap(reached -> {
                    if (reached.isEmpty()) {
                        return Mono.error(new RuleViolation("Invalid command", List.of("targets reach no display")));
                    }
                    if (reached.size() > FleetCommands.MAX_DISPLAYS) {
                        return Mono.error(new RuleViolation("Invalid command",
                                List.of("targets reach more than " + FleetCommands.MAX_DISPLAYS + " displays; send it to fewer at a time")));
                    }
                    var issued = new FleetCommands.Issued(UUID.randomUUID(), command, reached, Instant.now(), lifetime);
                    return outbox.append(CommandEvents.by(caller, FleetCommands.Issued.TYPE, issued.commandId(), issued)).thenReturn(issued);
                })
                .as(transaction::transactional);
    }
}
