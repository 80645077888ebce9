package io.vizora.command;

import io.vizora.command.identity.domain.Caller;
import io.vizora.outbox.OutboxEvent;
import io.vizora.outbox.Principal;

import java.util.UUID;

/** An event a caller's command emits: in the caller's organisation, with the caller as principal. */
public final class CommandEvents {

    private CommandEvents() {
    }

    public static OutboxEvent by(Caller caller, String type, UUID aggregateId, Object data) {
        return new OutboxEvent(type, aggregateId, caller.organisationId(), Principal.user(caller.userId()), data);
    }
}
