package io.vizora.command.identity.domain;

import io.vizora.platform.security.Scope;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import static io.vizora.command.identity.domain.Permission.*;

/**
 * What each API-key scope grants on the operator API, beside the permission matrix of roles. A key
 * never manages users, keys or the organisation; writing campaigns includes publishing and ending
 * them, as a scheduling system needs. {@code events:read} and {@code stats:read} grant nothing here:
 * they are the partner feed's and the statistics API's (docs/api-keys.md).
 */
public final class ScopeGrants {

    private ScopeGrants() {
    }

    public static Set<Permission> of(Collection<Scope> scopes) {
        var grants = EnumSet.noneOf(Permission.class);
        for (var scope : scopes) {
            grants.addAll(switch (scope) {
                case DISPLAYS_READ -> EnumSet.of(FLEET_READ);
                case DISPLAYS_WRITE -> EnumSet.of(FLEET_READ, FLEET_MANAGE, FLEET_COMMAND);
                case CONTENT_READ -> EnumSet.of(CONTENT_READ);
                case CONTENT_WRITE -> EnumSet.of(CONTENT_READ, CONTENT_MANAGE);
                case CAMPAIGNS_READ -> EnumSet.of(CAMPAIGNS_READ);
                case CAMPAIGNS_WRITE -> EnumSet.of(CAMPAIGNS_READ, CAMPAIGNS_MANAGE, CAMPAIGNS_PUBLISH);
                case EVENTS_READ, STATS_READ -> EnumSet.noneOf(Permission.class);
            });
        }
        return grants;
    }
}
