package io.vizora.command.identity.domain;

import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: a user of an organisation with a role, or a partner system with an API key whose
 * scopes grant permissions. Every read and write is scoped by its organisation.
 */
public sealed interface Caller {

    UUID organisationId();

    boolean may(Permission permission);

    /** An operator, signed in: the permission matrix decides by role. */
    record User(UUID userId, UUID organisationId, Role role) implements Caller {

        @Override
        public boolean may(Permission permission) {
            return PermissionMatrix.allows(role, permission);
        }
    }

    /** A partner system: exactly the permissions its key's scopes name ({@link ScopeGrants}). */
    record Partner(UUID apiKeyId, UUID organisationId, Set<Permission> grants) implements Caller {

        public Partner {
            grants = Set.copyOf(grants);
        }

        @Override
        public boolean may(Permission permission) {
            return grants.contains(permission);
        }
    }
}
