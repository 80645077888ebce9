package io.vizora.projector.manifest;

import io.vizora.device.FleetCommand;
import io.vizora.projector.ProjectorProperties;
import io.vizora.projector.commands.CommandQueue;
import io.vizora.projector.presence.Presence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Stores again what Redis lost (ADR 0043). The gateways serve each display's manifest and open
 * commands from Redis, and a Redis that restarts without its data, or is flushed, holds none of
 * them: every screen would be turned away until its next change, days later. A marker
 * ({@code <prefix>stored}) is set once everything is stored; while it is there, this costs one
 * {@code EXISTS} per check. Once it is gone, every paired display is made due (the manifest worker
 * compiles and stores them, about 2 s for 10,000), the open commands are queued again, the
 * displays last announced online are online again ({@link Presence#restore}), and the marker is set. The displays are made due in Postgres before the marker is set, so a projector
 * stopped in between leaves them due; several projectors doing this at once do it twice, harmlessly.
 */
@Component
public class RedisRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRestorer.class);
    // short: the check shares the scheduler's thread with the presence sweep and the horizon check
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveStringRedisTemplate redis;
    private final DatabaseClient db;
    private final CommandQueue commands;
    private final ManifestWorker manifests;
    private final Presence presence;
    private final String marker;

    public RedisRestorer(ReactiveStringRedisTemplate redis, DatabaseClient db, CommandQueue commands, ManifestWorker manifests, Presence presence,
                         ProjectorProperties properties) {
        this.redis = redis;
        this.db = db;
        this.commands = commands;
        this.manifests = manifests;
        this.presence = presence;
        this.marker = properties.redis().stored();
    }

    /** A failure (Redis or Postgres away) is logged by the scheduler, and the next check tries again. */
    @Scheduled(fixedDelayString = "${vizora.projector.redis-check:PT5S}", initialDelayString = "PT5S")
    public void check() {
        if (Boolean.TRUE.equals(redis.hasKey(marker).block(CHECK_TIMEOUT))) {
            return;
        }
        var due = db.sql("INSERT INTO manifest_due (display_id, organisation_id) SELECT id, organisation_id FROM display ON CONFLICT DO NOTHING")
                .fetch().rowsUpdated().block(TIMEOUT);
        var queued = db.sql("""
                        SELECT display_id, command_id, command, issued_at, expires_at FROM display_command
                        WHERE state IN ('sent', 'delivered') AND expires_at > now()""")
                .map(row -> new Open(row.get("display_id", UUID.class), new FleetCommand(row.get("command_id", UUID.class), row.get("command", String.class),
                        row.get("issued_at", OffsetDateTime.class).toInstant(), row.get("expires_at", OffsetDateTime.class).toInstant())))
                .all()
                .concatMap(open -> commands.enqueue(open.command(), List.of(open.displayId())).thenReturn(open))
                .count().block(TIMEOUT);
        var online = presence.restore();
        redis.opsForValue().set(marker, Instant.now().toString()).block(TIMEOUT);
        manifests.wake();
        if (due != null && due + (queued == null ? 0 : queued) + online > 0) {
            LOG.warn("Redis held none of what this projector stores (restarted without its data, or flushed): {} displays are compiled again, "
                    + "{} open commands queued again and {} displays online again", due, queued, online);
        }
    }

    private record Open(UUID displayId, FleetCommand command) {
    }
}
