package io.vizora.outbox;

import java.util.List;
import java.util.UUID;

/** Event data shaped as the command side will emit it, for tests. */
final class Events {

    record DisplayGroupCreated(UUID groupId, String name) {
    }

    record DisplayPaired(UUID displayId, String name, String timeZone, List<UUID> groupIds, List<String> tags) {
    }

    static final UUID TENANT = UUID.fromString("0b7c5a52-8d4e-4f0a-9c1b-2e3d4f5a6b7c");
    static final Principal OPERATOR = Principal.user(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));

    static OutboxEvent groupCreated(UUID groupId, String name) {
        return new OutboxEvent("vizora.fleet.display_group_created.v1", groupId, TENANT, OPERATOR, new DisplayGroupCreated(groupId, name));
    }

    private Events() {
    }
}
