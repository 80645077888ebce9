package io.vizora.platform.edge;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in Redis (bucket4j), so every instance of the service counts against the same
 * limits. Buckets expire from Redis once full again. Each key's bucket has a local proxy (those
 * of recent keys are kept) that decides most requests in memory: it takes up to 2% of the limit,
 * or 100 ms, without asking Redis, then synchronises (bucket4j's delaying optimization), so a busy
 * client costs Redis a call per few dozen requests instead of one per request, and N instances
 * admit at most N times that much beyond the limit (ADR 0023). {@link #consumeExactly} decides
 * every request in Redis, batching concurrent ones into one compare-and-swap: for limits on
 * guessing secrets, where every attempt counts.
 * <p>
 * A bucket's Redis key names its limit: bucket4j keeps the configuration a bucket was created
 * with, so a limit raised or lowered in the settings would otherwise not apply to a client that
 * keeps sending (its bucket never expires). A changed limit starts a fresh bucket instead; the
 * old one expires.
 */
public class RateLimiter implements AutoCloseable {

    private static final int RECENT_KEYS = 10_000;
    private static final Duration UNSYNCHRONISED_FOR = Duration.ofMillis(100);

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final AsyncProxyManager<String> buckets;
    // a handful of limits, each built once rather than on every request
    private final Map<RateLimitProperties.Limit, BucketConfiguration> configurations = new ConcurrentHashMap<>();
    private final Map<String, AsyncBucketProxy> recent = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AsyncBucketProxy> eldest) {
            return size() > RECENT_KEYS;
        }
    });

    public RateLimiter(RedisURI redis) {
        client = RedisClient.create(redis);
        connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build()
                .asAsync();
    }

    /** Takes one request from the bucket under {@code key}, deciding locally between synchronisations; the probe says whether it was allowed. */
    public Mono<ConsumptionProbe> consume(String key, RateLimitProperties.Limit limit) {
        var unsynchronised = Math.max(1, limit.capacity() / 50);
        return consume(key, limit, Optimizations.delaying(new DelayParameters(unsynchronised, UNSYNCHRONISED_FOR)));
    }

    /** Takes one request from the bucket under {@code key}, decided in Redis. */
    public Mono<ConsumptionProbe> consumeExactly(String key, RateLimitProperties.Limit limit) {
        return consume(key, limit, Optimizations.batching());
    }

    /**
     * Whether one could be taken from the bucket under {@code key} now, decided in Redis, without
     * taking it (and if not, how long until one could): for a limit on failures, which counts
     * only once an attempt failed but must stop the attempts before that.
     */
    public Mono<EstimationProbe> estimate(String key, RateLimitProperties.Limit limit) {
        var bucket = bucket(key, limit, Optimizations.batching());
        return Mono.fromFuture(() -> bucket.estimateAbilityToConsume(1));
    }

    private Mono<ConsumptionProbe> consume(String key, RateLimitProperties.Limit limit, Optimization optimization) {
        var bucket = bucket(key, limit, optimization);
        return Mono.fromFuture(() -> bucket.tryConsumeAndReturnRemaining(1));
    }

    private AsyncBucketProxy bucket(String key, RateLimitProperties.Limit limit, Optimization optimization) {
        var configuration = configurations.computeIfAbsent(limit, l -> BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(l.capacity()).refillGreedy(l.capacity(), l.period()))
                .build());
        return recent.computeIfAbsent(key + "|" + limit, k -> buckets.builder()
                .withOptimization(optimization)
                .build("vizora:rate:" + key + ":" + limit.capacity() + "/" + limit.period().toSeconds() + "s", configuration));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
