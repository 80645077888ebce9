package io.vizora.command.identity.domain;

/**
 * Who may change whom: only owners touch owners, nobody hands out more than they have, and an
 * organisation always keeps at least one owner.
 */
public final class Ownership {

    public enum Verdict { ALLOWED, FORBIDDEN, LAST_OWNER }

    private Ownership() {
    }

    /** Changing {@code target}'s role to {@code newRole}, or removing them ({@code newRole} null). */
    public static Verdict judge(Role caller, Role target, Role newRole, long owners) {
        if (!PermissionMatrix.allows(caller, Permission.USERS_MANAGE)
                || (target == Role.OWNER && caller != Role.OWNER)
                || (newRole != null && !PermissionMatrix.mayAssign(caller, newRole))) {
            return Verdict.FORBIDDEN;
        }
        var losesAnOwner = target == Role.OWNER && newRole != Role.OWNER;
        return losesAnOwner && owners <= 1 ? Verdict.LAST_OWNER : Verdict.ALLOWED;
    }
}
