package io.vizora.relay;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Active and standby are both healthy; which one this instance is shows in the details. */
class RelayHealthIndicator extends AbstractHealthIndicator {

    private final OutboxRelay relay;

    RelayHealthIndicator(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var role = relay.role();
        (role == OutboxRelay.Role.STOPPED ? builder.down() : builder.up()).withDetail("role", role.name().toLowerCase());
        if (relay.lastFailure() != null) {
            builder.withDetail("lastEngineFailure", relay.lastFailure());
        }
    }
}
