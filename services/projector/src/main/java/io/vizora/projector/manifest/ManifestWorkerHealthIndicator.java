package io.vizora.projector.manifest;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code manifestWorker}: DOWN while compiling fails, so that a projector whose due displays are
 * never compiled is not ready, whatever its consumers do (a batch that hung until its timeout was
 * once only a warning in the log).
 */
@Component
class ManifestWorkerHealthIndicator extends AbstractHealthIndicator {

    private final ManifestWorker worker;

    ManifestWorkerHealthIndicator(ManifestWorker worker) {
        super("manifest worker health check failed");
        this.worker = worker;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        worker.failure().ifPresentOrElse(
                failure -> builder.down().withDetail("detail", failure.detail()).withDetail("since", failure.since().toString()),
                builder::up);
        builder.withDetail("draining", worker.draining());
    }
}
