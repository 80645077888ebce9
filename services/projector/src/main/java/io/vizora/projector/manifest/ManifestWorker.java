package io.vizora.projector.manifest;

import io.vizora.schedule.ScheduleCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Compiles the manifests of due displays, many at once: a batch is taken off the due list with
 * SKIP LOCKED (so several projector instances share the work), compiled in parallel on all cores,
 * published, and only then removed from the list in the same transaction that took it; a crash
 * leaves the batch due. Manifests whose horizon runs short are marked due again.
 */
@Component
public class ManifestWorker {

    private static final Logger log = LoggerFactory.getLogger(ManifestWorker.class);
    static final Duration HORIZON = Duration.ofDays(7);
    private static final Duration REFRESH_BEFORE = Duration.ofDays(6);
    private static final int BATCH = 200;
    private static final int COMPILING_PER_CORE = 16;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final CompilationInputs inputs;
    private final ManifestPublisher publisher;
    private final AtomicBoolean running = new AtomicBoolean();

    public ManifestWorker(DatabaseClient db, TransactionalOperator transaction, CompilationInputs inputs, ManifestPublisher publisher) {
        this.db = db;
        this.transaction = transaction;
        this.inputs = inputs;
        this.publisher = publisher;
    }

    @Scheduled(fixedDelayString = "${vizora.projector.manifest-poll:PT0.1S}")
    void drain() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Long compiled;
            do {
                compiled = compileDueBatch().block(Duration.ofMinutes(5));
            } while (compiled != null && compiled == BATCH);
        } catch (RuntimeException e) {
            log.atWarn().setCause(e).log("manifest batch failed; its displays stay due");
        } finally {
            running.set(false);
        }
    }

    /** Compiles one batch of due displays; emits how many it took. */
    public Mono<Long> compileDueBatch() {
        return db.sql("""
                        DELETE FROM manifest_due WHERE display_id IN (
                            SELECT display_id FROM manifest_due ORDER BY due_since LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING display_id""")
                .bind("batch", BATCH)
                .map(row -> row.get(0, UUID.class)).all()
                .parallel().runOn(Schedulers.parallel())
                // the batch shares one connection, whose request queue is bounded: a few displays at a time per core
                .flatMap(this::compile, false, COMPILING_PER_CORE)
                .sequential()
                .count()
                .as(transaction::transactional);
    }

    private Mono<Void> compile(UUID displayId) {
        return inputs.forDisplay(displayId)
                .flatMap(found -> {
                    var now = Instant.now();
                    var timeline = ScheduleCompiler.compile(found.display(), found.campaigns(), found.library(), now, HORIZON);
                    return nextVersion(displayId, found.organisationId(), now)
                            .map(version -> ManifestDocument.of(found.organisationId(), version, now, found.display().zone().getId(), timeline))
                            .flatMap(publisher::publish)
                            .thenReturn(true);
                })
                .switchIfEmpty(Mono.defer(() -> db.sql("DELETE FROM manifest WHERE display_id = :id").bind("id", displayId).then()
                        .then(publisher.withdraw(displayId)).thenReturn(false)))
                .then();
    }

    private Mono<Long> nextVersion(UUID displayId, UUID organisationId, Instant compiledAt) {
        return db.sql("""
                        INSERT INTO manifest (display_id, organisation_id, version, compiled_at, valid_until)
                        VALUES (:display, :organisation, :floor, :at, :until)
                        ON CONFLICT (display_id) DO UPDATE SET version = GREATEST(manifest.version + 1, EXCLUDED.version),
                            compiled_at = EXCLUDED.compiled_at, valid_until = EXCLUDED.valid_until
                        RETURNING version""")
                .bind("display", displayId).bind("organisation", organisationId)
                .bind("floor", compiledAt.getEpochSecond() * 1_000_000 + compiledAt.getNano() / 1_000)
                .bind("at", OffsetDateTime.ofInstant(compiledAt, ZoneOffset.UTC))
                .bind("until", OffsetDateTime.ofInstant(compiledAt.plus(HORIZON), ZoneOffset.UTC))
                .map(row -> row.get(0, Long.class)).one();
    }

    /** Manifests with less than a day of their horizon left are compiled again. */
    @Scheduled(fixedDelayString = "${vizora.projector.horizon-check:PT10M}", initialDelayString = "PT1M")
    public void markExpiring() {
        db.sql("""
                        INSERT INTO manifest_due (display_id, organisation_id)
                        SELECT display_id, organisation_id FROM manifest WHERE valid_until < now() + :left * interval '1 second'
                        ON CONFLICT DO NOTHING""")
                .bind("left", HORIZON.minus(REFRESH_BEFORE).toSeconds())
                .then().block(Duration.ofMinutes(1));
    }
}
