package io.vizora.projector.manifest;

import io.vizora.device.ManifestDocument;
import io.vizora.schedule.CampaignRule;
import io.vizora.schedule.ScheduleCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Compiles the manifests of due displays, many at once: a batch is taken off the due list with
 * SKIP LOCKED (so several projector instances share the work), its inputs are read once, displays
 * with the same inputs (time zone, campaigns, default playlists) are compiled once and stamped
 * per display, the manifests are published, and only then is the batch removed from the list in
 * the same transaction that took it; a crash leaves the batch due. Manifests whose horizon runs
 * short are marked due again.
 * <p>
 * A fold that marks displays due wakes the worker once its transaction commits ({@link #wake}),
 * so a change is compiled at once; the poll is only the fallback for rows a failed batch left
 * due, or another instance's marks. Polling alone made latency and idle load a trade: every
 * 100 ms a transaction against Postgres, a tenth of the projector's CPU with nothing to do.
 */
@Component
public class ManifestWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ManifestWorker.class);
    static final Duration HORIZON = Duration.ofDays(7);
    private static final Duration REFRESH_BEFORE = Duration.ofDays(6);
    private static final int BATCH = 1000;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final CompilationInputs inputs;
    private final ManifestPublisher publisher;
    private final int workers;
    /** Every drain runs on this one thread, so a wake-up is never lost to a drain already past its last claim. */
    private final ExecutorService drains = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("manifest-worker").daemon().factory());
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean draining;
    /** Why the last drain failed and since when drains fail, or null after one that succeeded: the service's health says it. */
    private volatile Failure failure;

    /** Drains have failed since {@code since}; the last one because of {@code detail}. */
    public record Failure(String detail, Instant since) {
    }

    /**
     * {@code workers}: batches compiled at once by this instance. Each takes its own batch (SKIP
     * LOCKED), so one batch's round trips to Postgres, Kafka and Redis overlap another's compiling.
     */
    public ManifestWorker(DatabaseClient db, TransactionalOperator transaction, CompilationInputs inputs, ManifestPublisher publisher,
                          @org.springframework.beans.factory.annotation.Value("${vizora.projector.manifest-workers:1}") int workers) {
        this.db = db;
        this.transaction = transaction;
        this.inputs = inputs;
        this.publisher = publisher;
        this.workers = Math.max(1, workers);
    }

    /** Displays may be due: drains the list soon, after any drain in progress (whose claim may have come too early for them). */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            drains.execute(() -> {
                queued.set(false);
                drain();
            });
        }
    }

    /** Whether a drain is running: work that can wait, such as storing planned slices, gives way to it. */
    public boolean draining() {
        return draining;
    }

    /** Why drains fail, if the last one did. */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    @Scheduled(fixedDelayString = "${vizora.projector.manifest-poll:PT1S}")
    void poll() {
        wake();
    }

    @Override
    public void close() {
        drains.shutdownNow();
    }

    private void drain() {
        draining = true;
        try {
            // each worker goes on while it finds full batches
            Flux.range(0, workers)
                    .flatMap(worker -> compileDueBatch().expand(compiled -> compiled == BATCH ? compileDueBatch() : Mono.empty()), workers)
                    .then().block(Duration.ofMinutes(5));
            failure = null;
        } catch (RuntimeException e) {
            log.atWarn().setCause(e).log("manifest batch failed; its displays stay due");
            var detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            failure = new Failure(detail, failure == null ? Instant.now() : failure.since());
        } finally {
            draining = false;
        }
    }

    /**
     * Takes a batch off the due list. The batch is chosen once, as an array: written as
     * {@code IN (SELECT ...)}, the planner, trusting statistics taken while the list was empty,
     * joined the list to itself and chose the batch again for every due row (5.7 s for a batch of
     * 1,000 of 10,000 due displays, 2026-12-06).
     */
    static final String CLAIM = """
            DELETE FROM manifest_due WHERE display_id = ANY(ARRAY(
                SELECT display_id FROM manifest_due ORDER BY due_since LIMIT :batch FOR UPDATE SKIP LOCKED))
            RETURNING display_id""";

    /** Compiles one batch of due displays; emits how many it took. */
    public Mono<Long> compileDueBatch() {
        return db.sql(CLAIM)
                .bind("batch", BATCH)
                .map(row -> row.get(0, UUID.class)).all().collectList()
                .flatMap(due -> due.isEmpty() ? Mono.just(0L) : inputs.forDisplays(due)
                        .flatMap(found -> compile(found).then(withdraw(due, found)))
                        .thenReturn((long) due.size()))
                .as(transaction::transactional);
    }

    /** What makes two displays' timelines the same. */
    private record Shape(UUID organisationId, ZoneId zone, List<UUID> campaigns, Optional<UUID> defaultPlaylistId) {
        static Shape of(CompilationInputs.Inputs inputs) {
            return new Shape(inputs.organisationId(), inputs.display().zone(),
                    inputs.campaigns().stream().map(CampaignRule::campaignId).toList(), inputs.display().defaultPlaylistId());
        }
    }

    private Mono<Void> compile(List<CompilationInputs.Inputs> displays) {
        if (displays.isEmpty()) {
            return Mono.empty();
        }
        var now = Instant.now();
        // one compile and one serialisation of the slices per shape, stamped per display
        var stamps = new HashMap<Shape, ManifestDocument.Stamp>();
        for (var found : displays) {
            stamps.computeIfAbsent(Shape.of(found), shape -> new ManifestDocument.Stamp(
                    ScheduleCompiler.compile(found.display(), found.campaigns(), found.library(), now, HORIZON)));
        }
        return nextVersions(displays, now)
                .flatMap(versions -> publisher.publishEncoded(displays.stream().map(found -> {
                    var display = found.display().displayId();
                    var version = versions.get(display);
                    return new ManifestPublisher.Encoded(display, found.organisationId(), version, now,
                            stamps.get(Shape.of(found)).json(display, found.organisationId(), version, now, found.display().zone().getId()));
                }).toList()));
    }

    /** Displays that were due but are no longer paired lose their manifest. */
    private Mono<Void> withdraw(List<UUID> due, List<CompilationInputs.Inputs> found) {
        var gone = new HashSet<>(due);
        found.forEach(inputs -> gone.remove(inputs.display().displayId()));
        if (gone.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("DELETE FROM manifest WHERE display_id = ANY(:ids)").bind("ids", gone.toArray(UUID[]::new)).then()
                .thenMany(Flux.fromIterable(gone).concatMap(publisher::withdraw))
                .then();
    }

    /** Every display's next manifest version, in one statement. */
    private Mono<Map<UUID, Long>> nextVersions(List<CompilationInputs.Inputs> displays, Instant compiledAt) {
        return db.sql("""
                        INSERT INTO manifest (display_id, organisation_id, version, compiled_at, valid_until)
                        SELECT display_id, organisation_id, :floor, :at, :until
                        FROM unnest(CAST(:displays AS uuid[]), CAST(:organisations AS uuid[])) AS due (display_id, organisation_id)
                        ON CONFLICT (display_id) DO UPDATE SET version = GREATEST(manifest.version + 1, EXCLUDED.version),
                            compiled_at = EXCLUDED.compiled_at, valid_until = EXCLUDED.valid_until
                        RETURNING display_id, version""")
                .bind("displays", displays.stream().map(found -> found.display().displayId()).toArray(UUID[]::new))
                .bind("organisations", displays.stream().map(CompilationInputs.Inputs::organisationId).toArray(UUID[]::new))
                .bind("floor", compiledAt.getEpochSecond() * 1_000_000 + compiledAt.getNano() / 1_000)
                .bind("at", OffsetDateTime.ofInstant(compiledAt, ZoneOffset.UTC))
                .bind("until", OffsetDateTime.ofInstant(compiledAt.plus(HORIZON), ZoneOffset.UTC))
                .map(row -> Map.entry(row.get("display_id", UUID.class), row.get("version", Long.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
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
        wake();
    }
}
