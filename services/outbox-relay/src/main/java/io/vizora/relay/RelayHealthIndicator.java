package io.vizora.relay;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up while this instance streams the outbox (active) or waits to take over (standby); down while
 * it starts, stops, or leads with an engine that is not streaming, so a relay that cannot relay
 * never says it is well (the last failure says why).
 */
class RelayHealthIndicator extends AbstractHealthIndicator {

    private final OutboxRelay relay;

    RelayHealthIndicator(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var role = relay.role();
        (role == OutboxRelay.Role.ACTIVE || role == OutboxRelay.Role.STANDBY ? builder.up() : builder.down())
                .withDetail("role", role.name().toLowerCase());
        if (relay.lastFailure() != null) {
            builder.withDetail("lastEngineFailure", relay.lastFailure());
        }
    }
}
