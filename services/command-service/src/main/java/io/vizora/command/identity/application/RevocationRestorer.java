package io.vizora.command.identity.application;

import io.vizora.platform.security.AccessRevocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gives Redis the revocations it lost (ADR 0044): checks every few seconds whether Redis still
 * holds the marker of the last restore, one {@code EXISTS} while it does. A failure (Redis or
 * Postgres away) is logged by the scheduler, and the next check tries again. Every instance may
 * run it: a second restore stores nothing Redis holds.
 */
@Component
public class RevocationRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationRestorer.class);

    private final AccessRevocations revocations;

    public RevocationRestorer(AccessRevocations revocations) {
        this.revocations = revocations;
    }

    /** Emits how many revocations it stored again, nothing while Redis holds them. */
    @Scheduled(fixedDelayString = "${vizora.access.restore-check:PT5S}", initialDelayString = "PT1S")
    public Mono<Long> restoreWhatRedisLost() {
        return revocations.restore().doOnNext(restored -> {
            if (restored > 0) {
                LOG.warn("Redis held none of the revocations (restarted without its data, or flushed): {} stored again from Postgres", restored);
            }
        });
    }
}
