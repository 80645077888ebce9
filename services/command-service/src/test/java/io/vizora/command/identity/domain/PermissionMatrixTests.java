package io.vizora.command.identity.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionMatrixTests {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            // role,   permission,          allowed
            "VIEWER, USERS_READ, true", "VIEWER, FLEET_READ, true", "VIEWER, CONTENT_READ, true", "VIEWER, CAMPAIGNS_READ, true",
            "VIEWER, CONTENT_MANAGE, false", "VIEWER, CAMPAIGNS_MANAGE, false", "VIEWER, USERS_MANAGE, false",
            "EDITOR, CONTENT_MANAGE, true", "EDITOR, CAMPAIGNS_MANAGE, true",
            "EDITOR, CAMPAIGNS_PUBLISH, false", "EDITOR, FLEET_MANAGE, false", "EDITOR, USERS_MANAGE, false", "EDITOR, API_KEYS_MANAGE, false",
            "ADMIN, USERS_MANAGE, true", "ADMIN, FLEET_MANAGE, true", "ADMIN, CAMPAIGNS_PUBLISH, true", "ADMIN, API_KEYS_MANAGE, true",
            "ADMIN, ORGANISATION_MANAGE, false",
            "OWNER, ORGANISATION_MANAGE, true", "OWNER, USERS_MANAGE, true"})
    void theMatrixGrantsExactlyWhatEachRoleNeeds(Role role, Permission permission, boolean allowed) {
        assertThat(PermissionMatrix.allows(role, permission)).isEqualTo(allowed);
    }

    @Test
    void everyRoleHasEverythingTheRoleBelowItHas() {
        var ladder = new Role[] {Role.VIEWER, Role.EDITOR, Role.ADMIN, Role.OWNER};
        for (int i = 1; i < ladder.length; i++) {
            for (var permission : Permission.values()) {
                if (PermissionMatrix.allows(ladder[i - 1], permission)) {
                    assertThat(PermissionMatrix.allows(ladder[i], permission)).as("%s has %s", ladder[i], permission).isTrue();
                }
            }
        }
    }

    @Test
    void onlyOwnersMakeOwnersAndOnlyUserManagersAssignRoles() {
        assertThat(PermissionMatrix.mayAssign(Role.OWNER, Role.OWNER)).isTrue();
        assertThat(PermissionMatrix.mayAssign(Role.ADMIN, Role.OWNER)).isFalse();
        assertThat(PermissionMatrix.mayAssign(Role.ADMIN, Role.ADMIN)).isTrue();
        assertThat(PermissionMatrix.mayAssign(Role.EDITOR, Role.VIEWER)).isFalse();
    }
}
