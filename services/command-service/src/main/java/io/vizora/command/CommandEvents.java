package io.vizora.command;

import io.vizora.command.identity.domain.Caller;
import io.vizora.outbox.OutboxEvent;
import io.vizora.outbox.Principal;

import java.util.UUID;

/** An event a caller's command emits: in the caller's organisation, with the caller (a user or an API key) as principal. */
public final class CommandEvents {

    private CommandEvents() {
    }

    public static OutboxEvent by(Caller caller, String type, UUID aggregateId, Object data) {
        var principal = switch (caller) {
            case Caller.User user -> Principal.user(user.userId());
            case Caller.Partner partner -> Principal.apiKey(partner.apiKeyId());
        };
        return new OutboxEvent(type, aggregateId, caller.organisationId(), principal, data);
    }
}
