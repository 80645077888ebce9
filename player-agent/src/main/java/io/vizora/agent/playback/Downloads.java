package io.vizora.agent.playback;

import io.vizora.agent.cache.ContentCache;
import io.vizora.agent.journal.Play;
import io.vizora.agent.timeline.Manifest;
import io.vizora.schedule.PlayItem;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Keeps the cache in step with the manifest: fetches what the timeline needs, soonest first,
 * retries what failed every {@code retryEvery}, remembers why an item is missing (for the failed
 * play the player reports), and evicts what no slice needs any more.
 */
public final class Downloads implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Downloads.class.getName());

    private final ContentCache cache;
    private final Supplier<Optional<Manifest>> manifest;
    private final Duration retryEvery;
    private final Map<String, Play.Failure> failures = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile Runnable onCached = () -> { };
    private volatile boolean running = true;
    private Thread loop;

    public Downloads(ContentCache cache, Supplier<Optional<Manifest>> manifest, Duration retryEvery) {
        this.cache = cache;
        this.manifest = manifest;
        this.retryEvery = retryEvery;
    }

    public void start() {
        loop = Thread.ofVirtual().name("downloads").start(this::run);
    }

    /** A new manifest arrived: look at it now. */
    public void manifestChanged() {
        wake.release();
    }

    /** Called each time an item lands in the cache. */
    public void onCached(Runnable listener) {
        onCached = listener;
    }

    /** Why the item is not cached, if a fetch failed; empty if it is cached or still on its way. */
    public Optional<Play.Failure> failure(PlayItem item) {
        return Optional.ofNullable(failures.get(item.sha256()));
    }

    private void run() {
        while (running) {
            manifest.get().ifPresent(this::sync);
            try {
                wake.tryAcquire(retryEvery.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sync(Manifest current) {
        for (var item : current.cacheable(Instant.now())) {
            if (!running || cache.has(item.sha256())) {
                continue;
            }
            try {
                cache.fetch(URI.create(item.url()), item.sha256());
                failures.remove(item.sha256());
                onCached.run();
            } catch (ContentCache.FetchFailed e) {
                failures.put(item.sha256(), new Play.Failure(e.stage(), e.getMessage()));
                LOG.warning(() -> "content " + item.contentId() + " is not cached: " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                failures.put(item.sha256(), new Play.Failure("download", e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            var needed = current.cacheable(current.timeline().from()).stream().map(PlayItem::sha256).collect(Collectors.toSet());
            cache.evictAllBut(needed);
        } catch (IOException e) {
            LOG.warning(() -> "could not evict from the cache: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
    }
}
