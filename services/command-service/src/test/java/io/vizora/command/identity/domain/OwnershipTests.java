package io.vizora.command.identity.domain;

import org.junit.jupiter.api.Test;

import static io.vizora.command.identity.domain.Ownership.Verdict.ALLOWED;
import static io.vizora.command.identity.domain.Ownership.Verdict.FORBIDDEN;
import static io.vizora.command.identity.domain.Ownership.Verdict.LAST_OWNER;
import static io.vizora.command.identity.domain.Ownership.judge;
import static org.assertj.core.api.Assertions.assertThat;

class OwnershipTests {

    @Test
    void adminsManageEveryoneButOwners() {
        assertThat(judge(Role.ADMIN, Role.EDITOR, Role.ADMIN, 1)).isEqualTo(ALLOWED);
        assertThat(judge(Role.ADMIN, Role.VIEWER, null, 1)).isEqualTo(ALLOWED);
        assertThat(judge(Role.ADMIN, Role.OWNER, Role.VIEWER, 2)).isEqualTo(FORBIDDEN);
        assertThat(judge(Role.ADMIN, Role.EDITOR, Role.OWNER, 1)).isEqualTo(FORBIDDEN);
    }

    @Test
    void editorsAndViewersManageNobody() {
        assertThat(judge(Role.EDITOR, Role.VIEWER, Role.EDITOR, 1)).isEqualTo(FORBIDDEN);
        assertThat(judge(Role.VIEWER, Role.VIEWER, null, 1)).isEqualTo(FORBIDDEN);
    }

    @Test
    void theLastOwnerCanNeitherBeDemotedNorRemoved() {
        assertThat(judge(Role.OWNER, Role.OWNER, Role.ADMIN, 1)).isEqualTo(LAST_OWNER);
        assertThat(judge(Role.OWNER, Role.OWNER, null, 1)).isEqualTo(LAST_OWNER);
        assertThat(judge(Role.OWNER, Role.OWNER, Role.ADMIN, 2)).isEqualTo(ALLOWED);
        assertThat(judge(Role.OWNER, Role.OWNER, Role.OWNER, 1)).isEqualTo(ALLOWED);
    }
}
