package io.vizora.partner.webhooks;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Webhook subscriptions, their delivery position and their dead letters. */
@Repository
public class Webhooks {

    /** A subscription as delivery needs it (with its secret), under the lease that lets this instance deliver it. */
    public record Webhook(UUID id, UUID organisationId, String url, String secret, List<String> types, long position, int attempts, UUID lease) {

        boolean wants(String type) {
            return types == null || types.contains(type);
        }

        @Override
        public String toString() {
            return "Webhook[" + id + "]";
        }
    }

    /** A subscription as its organisation sees it: never the secret. */
    public record WebhookView(UUID webhookId, String url, List<String> types, long position, int attempts,
                              OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime createdAt) {
    }

    public record DeadLetter(UUID deadLetterId, UUID webhookId, long position, UUID eventId, String type, int attempts,
                             String lastError, OffsetDateTime failedAt, OffsetDateTime redeliveredAt) {
    }

    private static final String VIEW = "id, url, types, position, attempts, next_attempt_at, last_error, created_at";
    private static final String DEAD_LETTER = "id, webhook_id, position, event_id, type, attempts, last_error, failed_at, redelivered_at";

    private final DatabaseClient db;

    public Webhooks(DatabaseClient db) {
        this.db = db;
    }

    /** A new subscription receives the events appended after its creation. */
    public Mono<WebhookView> create(UUID id, UUID organisation, String url, String secret, List<String> types) {
        var spec = db.sql("""
                        INSERT INTO webhook (id, organisation_id, url, secret, types, position)
                        VALUES (:id, :organisation, :url, :secret, :types,
                                coalesce((SELECT position FROM partner_feed_head WHERE organisation_id = :organisation), 0))
                        RETURNING\s""" + VIEW)
                .bind("id", id).bind("organisation", organisation).bind("url", url).bind("secret", secret);
        spec = types == null ? spec.bindNull("types", String[].class) : spec.bind("types", types.toArray(String[]::new));
        return spec.map(Webhooks::view).one();
    }

    public Flux<WebhookView> list(UUID organisation) {
        return db.sql("SELECT " + VIEW + " FROM webhook WHERE organisation_id = :organisation ORDER BY created_at")
                .bind("organisation", organisation).map(Webhooks::view).all();
    }

    /** Emits true if the organisation had it. */
    public Mono<Boolean> delete(UUID organisation, UUID id) {
        return db.sql("DELETE FROM webhook WHERE id = :id AND organisation_id = :organisation")
                .bind("id", id).bind("organisation", organisation).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    public Mono<Webhook> find(UUID organisation, UUID id) {
        return db.sql("SELECT id, organisation_id, url, secret, types, position, attempts, lease FROM webhook WHERE id = :id AND organisation_id = :organisation")
                .bind("id", id).bind("organisation", organisation).map(Webhooks::webhook).one();
    }

    /**
     * Leases up to {@code batch} webhooks that have events to deliver and are due: each is theirs
     * until the lease ends, so instances never deliver the same webhook at once, and a crashed
     * instance's webhooks are picked up when its leases run out. The batch is chosen once, as an
     * array, whatever the table's statistics (see the projector's due list, ManifestWorker).
     */
    public Flux<Webhook> leaseDue(int batch, Duration lease) {
        return db.sql("""
                        UPDATE webhook SET next_attempt_at = now() + make_interval(secs => :lease), lease = gen_random_uuid()
                        WHERE id = ANY(ARRAY(SELECT w.id FROM webhook w JOIN partner_feed_head h ON h.organisation_id = w.organisation_id
                                     WHERE w.next_attempt_at <= now() AND h.position > w.position
                                     ORDER BY w.next_attempt_at LIMIT :batch FOR UPDATE OF w SKIP LOCKED))
                        RETURNING id, organisation_id, url, secret, types, position, attempts, lease""")
                .bind("lease", (double) lease.toSeconds()).bind("batch", batch)
                .map(Webhooks::webhook).all();
    }

    /** Delivered (or passed over) everything up to {@code position}; false if the lease is no longer held (or the webhook gone). */
    public Mono<Boolean> advance(Webhook webhook, long position) {
        return held(db.sql("UPDATE webhook SET position = greatest(position, :position), attempts = 0, last_error = NULL WHERE id = :id AND lease = :lease")
                .bind("position", position), webhook);
    }

    public Mono<Boolean> failed(Webhook webhook, int attempts, String error, Duration retryIn) {
        return held(db.sql("""
                        UPDATE webhook SET attempts = :attempts, last_error = :error, lease = NULL,
                               next_attempt_at = now() + make_interval(secs => :retryIn) WHERE id = :id AND lease = :lease""")
                .bind("attempts", attempts).bind("error", error).bind("retryIn", retryIn.toMillis() / 1000.0), webhook);
    }

    /** Gives up on the event at {@code position}: recorded as a dead letter, and delivery moves past it. */
    public Mono<Boolean> deadLetter(Webhook webhook, long position, UUID eventId, String type, int attempts, String error) {
        return db.sql("""
                        WITH moved AS (
                            UPDATE webhook SET position = greatest(position, :position), attempts = 0, last_error = :error
                            WHERE id = :id AND lease = :lease RETURNING id, organisation_id),
                        letter AS (
                            INSERT INTO webhook_dead_letter (id, webhook_id, organisation_id, position, event_id, type, attempts, last_error)
                            SELECT :letter, id, organisation_id, :position, :event, :type, :attempts, :error FROM moved
                            ON CONFLICT (webhook_id, position) DO NOTHING)
                        SELECT count(*) AS held FROM moved""")
                .bind("letter", UUID.randomUUID()).bind("position", position).bind("event", eventId).bind("type", type)
                .bind("attempts", attempts).bind("error", error).bind("id", webhook.id()).bind("lease", webhook.lease())
                .map(row -> row.get("held", Long.class) > 0).one();
    }

    /** Ends the lease: the webhook is due again at once (if it has more to deliver and is not waiting to retry). */
    public Mono<Void> release(Webhook webhook) {
        return db.sql("UPDATE webhook SET next_attempt_at = now(), lease = NULL WHERE id = :id AND lease = :lease")
                .bind("id", webhook.id()).bind("lease", webhook.lease()).then();
    }

    private static Mono<Boolean> held(DatabaseClient.GenericExecuteSpec update, Webhook webhook) {
        var spec = update.bind("id", webhook.id()).bind("lease", webhook.lease());
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    public Flux<DeadLetter> deadLetters(UUID organisation, UUID webhook) {
        return db.sql("SELECT " + DEAD_LETTER + " FROM webhook_dead_letter WHERE organisation_id = :organisation AND webhook_id = :webhook ORDER BY position")
                .bind("organisation", organisation).bind("webhook", webhook).map(Webhooks::deadLetter).all();
    }

    public Mono<DeadLetter> deadLetter(UUID organisation, UUID webhook, UUID id) {
        return db.sql("SELECT " + DEAD_LETTER + " FROM webhook_dead_letter WHERE organisation_id = :organisation AND webhook_id = :webhook AND id = :id")
                .bind("organisation", organisation).bind("webhook", webhook).bind("id", id).map(Webhooks::deadLetter).one();
    }

    public Mono<Void> redelivered(UUID id) {
        return db.sql("UPDATE webhook_dead_letter SET redelivered_at = now() WHERE id = :id").bind("id", id).then();
    }

    private static List<String> types(Readable row) {
        var types = row.get("types", String[].class);
        return types == null ? null : Arrays.asList(types);
    }

    private static Webhook webhook(Readable row) {
        return new Webhook(row.get("id", UUID.class), row.get("organisation_id", UUID.class), row.get("url", String.class),
                row.get("secret", String.class), types(row), row.get("position", Long.class), row.get("attempts", Integer.class),
                row.get("lease", UUID.class));
    }

    private static WebhookView view(Readable row) {
        return new WebhookView(row.get("id", UUID.class), row.get("url", String.class), types(row), row.get("position", Long.class),
                row.get("attempts", Integer.class), row.get("next_attempt_at", OffsetDateTime.class), row.get("last_error", String.class),
                row.get("created_at", OffsetDateTime.class));
    }

    private static DeadLetter deadLetter(Readable row) {
        return new DeadLetter(row.get("id", UUID.class), row.get("webhook_id", UUID.class), row.get("position", Long.class),
                row.get("event_id", UUID.class), row.get("type", String.class), row.get("attempts", Integer.class),
                row.get("last_error", String.class), row.get("failed_at", OffsetDateTime.class), row.get("redelivered_at", OffsetDateTime.class));
    }
}
