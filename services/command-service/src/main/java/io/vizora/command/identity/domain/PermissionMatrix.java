package io.vizora.command.identity.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.vizora.command.identity.domain.Permission.*;

/**
 * The one permission matrix: every role's permissions, in one place, enforced on every endpoint.
 * Viewers read; editors also change content, playlists and campaign drafts; admins also manage the
 * fleet, send it commands, manage users and API keys, and publish; owners also manage the organisation and other owners.
 */
public final class PermissionMatrix {

    private static final Map<Role, Set<Permission>> GRANTS = new EnumMap<>(Role.class);

    static {
        var viewer = EnumSet.of(USERS_READ, FLEET_READ, CONTENT_READ, CAMPAIGNS_READ);
        var editor = EnumSet.copyOf(viewer);
        editor.addAll(EnumSet.of(CONTENT_MANAGE, CAMPAIGNS_MANAGE));
        var admin = EnumSet.copyOf(editor);
        admin.addAll(EnumSet.of(USERS_MANAGE, FLEET_MANAGE, FLEET_COMMAND, CAMPAIGNS_PUBLISH, API_KEYS_MANAGE));
        var owner = EnumSet.copyOf(admin);
        owner.add(ORGANISATION_MANAGE);
        GRANTS.put(Role.VIEWER, viewer);
        GRANTS.put(Role.EDITOR, editor);
        GRANTS.put(Role.ADMIN, admin);
        GRANTS.put(Role.OWNER, owner);
    }

    private PermissionMatrix() {
    }

    public static boolean allows(Role role, Permission permission) {
        return GRANTS.get(role).contains(permission);
    }

    /** Whether a caller of this role may give a user that role: nobody hands out more than they have. */
    public static boolean mayAssign(Role caller, Role assigned) {
        return allows(caller, USERS_MANAGE) && (assigned != Role.OWNER || caller == Role.OWNER);
    }
}
