package io.vizora.platform.security;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every revocation in Redis, mirrored in this process so that a request's token is checked
 * without a round trip to Redis (ADR 0036). The mirror subscribes to the channel every
 * revocation is published on, then reads the records already stored; only then is it live.
 * When its connection drops it is not live until Lettuce has reconnected, subscribed again and
 * the records are read again, so nothing published in between is missed; while it is not live,
 * {@link AccessRevocations} looks every token up in Redis as before.
 */
public final class RevocationMirror implements AutoCloseable {

    static final String CHANNEL = "vizora:access:revoked";

    private static final Logger log = LoggerFactory.getLogger(RevocationMirror.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    /** Why the mirror is not live, and since when. */
    public record NotLive(String why, Instant since) {
    }

    private final RedisClient client;
    private final String prefix;
    private final RevokedAccess records;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("revocation-mirror").factory());
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile StatefulRedisConnection<String, String> reads;
    // bumped by every (re)subscription and every lost connection: a read of the records started
    // before the latest of them cannot make the mirror live
    private long epoch;
    private boolean live;
    private NotLive notLive;

    RevocationMirror(RedisURI redis, String prefix, Duration kept, Clock clock) {
        this.client = RedisClient.create(RedisURI.builder(redis).withTimeout(Duration.ofSeconds(5)).build());
        this.prefix = prefix;
        this.records = new RevokedAccess(kept, clock);
        this.clock = clock;
        this.notLive = new NotLive("starting", clock.instant());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (connection == subscription) {
                    lost("the subscription's connection to Redis was lost");
                }
            }
        });
    }

    /** Connects and subscribes in the background, retrying until Redis answers. */
    public void start() {
        worker.execute(this::connect);
    }

    public synchronized boolean live() {
        return live;
    }

    /** Why it is not live now, or null when it is. */
    public synchronized NotLive notLive() {
        return live ? null : notLive;
    }

    public int size() {
        return records.size();
    }

    /** When the subject's access was last revoked, as far as the mirror knows: ask only while {@link #live()}. */
    OptionalLong revokedAt(String subject) {
        return records.revokedAt(subject);
    }

    /** A revocation this process makes, counted here at once rather than when its message comes back. */
    void record(String subject, long millis) {
        records.record(subject, millis);
    }

    private void connect() {
        try {
            reads = client.connect(StringCodec.UTF8);
            var connection = client.connectPubSub(StringCodec.UTF8);
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    records.recordMessage(message);
                }

                @Override
                public void subscribed(String channel, long count) {
                    var current = nextEpoch();
                    worker.execute(() -> load(current));
                }
            });
            subscription = connection;
            connection.sync().subscribe(CHANNEL);
        } catch (RuntimeException e) {
            lost("cannot subscribe in Redis: " + e.getMessage());
            closeConnections();
            worker.schedule(this::connect, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Reads every stored record; the mirror is live once a read started after the latest subscription succeeds. */
    private void load(long started) {
        synchronized (this) {
            if (started != epoch) {
                return;   // a later subscription or a lost connection: its own read takes over
            }
        }
        try {
            var commands = reads.sync();
            var args = ScanArgs.Builder.matches(prefix + "*").limit(1000);
            var cursor = commands.scan(ScanCursor.INITIAL, args);
            while (true) {
                if (!cursor.getKeys().isEmpty()) {
                    for (var value : commands.mget(cursor.getKeys().toArray(String[]::new))) {
                        if (value.hasValue()) {
                            records.record(value.getKey().substring(prefix.length()), value.getValue());
                        }
                    }
                }
                if (cursor.isFinished()) {
                    break;
                }
                cursor = commands.scan(cursor, args);
            }
            loaded(started);
        } catch (RuntimeException e) {
            log.warn("could not read the stored revocations, retrying: {}", e.getMessage());
            synchronized (this) {
                if (!live) {
                    notLive = new NotLive("cannot read the stored revocations: " + e.getMessage(), notLive.since());
                }
            }
            worker.schedule(() -> load(started), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized long nextEpoch() {
        return ++epoch;
    }

    private synchronized void loaded(long started) {
        if (started == epoch && !live) {
            live = true;
            log.info("revocations mirrored: {} records, each request's token checked in memory", records.size());
        }
    }

    private synchronized void lost(String why) {
        epoch++;
        if (live || !why.equals(notLive.why())) {
            log.warn("revocations not mirrored ({}): each request's token is looked up in Redis until the mirror is back", why);
        }
        notLive = new NotLive(why, live ? clock.instant() : notLive.since());
        live = false;
    }

    private void closeConnections() {
        var connection = subscription;
        subscription = null;
        if (connection != null) {
            connection.close();
        }
        if (reads != null) {
            reads.close();
            reads = null;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        closeConnections();
        client.shutdown();
    }
}
