package io.vizora.platform.edge;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
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
 * limits. Buckets expire from Redis once full again. Redis buckets are compare-and-swap: many
 * concurrent requests on one key (one busy user, one address behind a NAT) would retry each
 * other's swaps, so each key's proxy batches concurrent requests into one swap (bucket4j's
 * batching optimization), which lives in the proxy: proxies of recent keys are kept for that.
 */
public class RateLimiter implements AutoCloseable {

    private static final int RECENT_KEYS = 10_000;

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

    /** Takes one request from the bucket under {@code key}; the probe says whether it was allowed. */
    public Mono<ConsumptionProbe> consume(String key, RateLimitProperties.Limit limit) {
        var configuration = configurations.computeIfAbsent(limit, l -> BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(l.capacity()).refillGreedy(l.capacity(), l.period()))
                .build());
        var bucket = recent.computeIfAbsent(key + "|" + limit, k -> buckets.builder()
                .withOptimization(Optimizations.batching())
                .build("vizora:rate:" + key, configuration));
        return Mono.fromFuture(() -> bucket.tryConsumeAndReturnRemaining(1));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
