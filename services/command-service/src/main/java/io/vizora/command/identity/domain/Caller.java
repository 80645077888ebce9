package io.vizora.command.identity.domain;

import java.util.UUID;

/** Who is asking: a user of an organisation, with a role. Every read and write is scoped by it. */
public record Caller(UUID userId, UUID organisationId, Role role) {

    public boolean may(Permission permission) {
        return PermissionMatrix.allows(role, permission);
    }
}
