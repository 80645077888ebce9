package io.vizora.agent.playback;

import io.vizora.agent.cache.ContentCache;
import io.vizora.agent.journal.Play;
import io.vizora.agent.journal.PlayJournal;
import io.vizora.agent.timeline.Manifest;
import io.vizora.device.TimeOrderedIds;
import io.vizora.schedule.PlayItem;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Follows the timeline on the local clock: at every instant it shows what the manifest says is due,
 * from the cache, and journals each play when it ends. An item that cannot be shown (not
 * downloaded, digest wrong, image that does not decode) is journaled as a failed play and another
 * playable item of the slice stands in, or else what was on screen stays: never a black screen
 * while anything is playable. Past the manifest's end it loops the last slice that had something
 * to play, and says so.
 */
public final class Player implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Player.class.getName());
    private static final Duration IDLE = Duration.ofSeconds(1);
    private static final Play.Failure DOWNLOADING = new Play.Failure("download", "not downloaded yet");

    private final Supplier<Optional<Manifest>> manifest;
    private final ContentCache cache;
    private final Downloads downloads;
    private final PlayJournal journal;
    private final WebPages webPages;
    private final Map<String, Boolean> decodes = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;
    private volatile Showing showing;
    private volatile boolean pastManifest;
    private String failedOccurrence;
    private Thread loop;

    public Player(Supplier<Optional<Manifest>> manifest, ContentCache cache, Downloads downloads, PlayJournal journal, WebPages webPages) {
        this.manifest = manifest;
        this.webPages = webPages;
        this.cache = cache;
        this.downloads = downloads;
        this.journal = journal;
    }

    public void start() {
        // an item that arrives while its turn is on shows at once, not at its next turn
        downloads.onCached(wake::release);
        loop = Thread.ofVirtual().name("player").start(this::run);
    }

    public void manifestChanged() {
        wake.release();
    }

    public Optional<Showing> showing() {
        return Optional.ofNullable(showing);
    }

    /** Whether the manifest ran out and the player is looping its last playable slice. */
    public boolean pastManifest() {
        return pastManifest;
    }

    private void run() {
        while (running) {
            try {
                var current = manifest.get();
                var due = current.flatMap(this::due);
                if (due.isEmpty()) {
                    show(null);
                    idle(current.flatMap(m -> m.nextChange(Instant.now())).orElse(Instant.now().plus(IDLE)));
                } else {
                    play(current.get(), due.get());
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warning(() -> "the player stumbled and goes on: " + e);
            }
        }
    }

    private Optional<Manifest.Due> due(Manifest current) {
        var now = Instant.now();
        pastManifest = current.expired(now);
        return pastManifest ? current.lastPlayable(now) : current.due(now);
    }

    /** Plays one due item (or its stand-in) until it ends or the manifest changes what is due. */
    private void play(Manifest current, Manifest.Due due) throws InterruptedException, IOException {
        var item = due.item();
        var problem = problem(item);
        var started = Instant.now();
        var startedNanos = System.nanoTime();
        if (problem.isPresent()) {
            var occurrence = item.contentId() + "@" + due.startedAt();
            // content still on its way is not a failure yet; one that failed is reported once per time it was due
            if (!problem.get().equals(DOWNLOADING) && !occurrence.equals(failedOccurrence)) {
                failedOccurrence = occurrence;
                journal.append(play(current, due, item, due.startedAt(), 0, Play.Outcome.failed, false, problem.get()));
            }
            var standIn = due.slice().items().stream().filter(other -> problem(other).isEmpty()).findFirst();
            if (standIn.isEmpty()) {
                waitFor(due, true);
                return;
            }
            item = standIn.get();
        }
        // a cached item is shown from the cache; its presigned URL stays out of status and kiosk
        show(new Showing(item.contentId(), item.campaignId(), item.mediaType(), item.sha256(), item.sha256() == null ? item.url() : null,
                item.sha256() != null, started, due.until(), problem.isPresent()));
        boolean cut = !waitFor(due, problem.isPresent());
        var shown = shownMillis(startedNanos, System.nanoTime());
        journal.append(play(current, due, item, started, shown, cut ? Play.Outcome.interrupted : Play.Outcome.completed, item.sha256() != null, null));
    }

    /** A play reports at most a day, as the contract allows. */
    static final long LONGEST_PLAY_MILLIS = Duration.ofDays(1).toMillis();

    /**
     * How long an item was shown, by the monotonic clock: the wall clock can step (NTP correcting
     * it, a device without a battery-backed clock setting it after boot), and a negative duration
     * or one over a day breaks the contract, so the gateway refuses the whole report it is in and
     * the agent moves every play of it aside, unreported.
     */
    static long shownMillis(long startedNanos, long endedNanos) {
        return Math.min(Math.max(0, (endedNanos - startedNanos) / 1_000_000), LONGEST_PLAY_MILLIS);
    }

    /**
     * Waits until the item's time is up (true), or until a new manifest no longer has it due, or,
     * with {@code untilPlayable}, until the item (shown by a stand-in or not at all) has become playable (false).
     */
    private boolean waitFor(Manifest.Due playing, boolean untilPlayable) throws InterruptedException {
        while (running) {
            var left = Duration.between(Instant.now(), playing.until());
            if (left.isNegative() || left.isZero()) {
                return true;
            }
            if (wake.tryAcquire(left.toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
                var now = manifest.get().flatMap(this::due);
                if (now.isEmpty() || !now.get().item().contentId().equals(playing.item().contentId()) || !now.get().until().equals(playing.until())
                        || untilPlayable && problem(playing.item()).isEmpty()) {
                    return false;
                }
            }
        }
        return false;
    }

    private void idle(Instant until) throws InterruptedException {
        var left = Duration.between(Instant.now(), until);
        if (wake.tryAcquire(Math.max(1, Math.min(left.toMillis(), IDLE.toMillis())), TimeUnit.MILLISECONDS)) {
            wake.drainPermits();
        }
    }

    /** Why the item cannot be shown now, if it cannot. */
    private Optional<Play.Failure> problem(PlayItem item) {
        if (item.sha256() == null) {
            return webPages.problem(item.url());
        }
        if (!cache.has(item.sha256())) {
            return Optional.of(downloads.failure(item).orElse(DOWNLOADING));
        }
        if (item.mediaType() != null && ImageIO.getImageReadersByMIMEType(item.mediaType()).hasNext() && !decodes(item.sha256())) {
            return Optional.of(new Play.Failure("decode", "the cached " + item.mediaType() + " does not decode"));
        }
        return Optional.empty();
    }

    private boolean decodes(String sha256) {
        return decodes.computeIfAbsent(sha256, digest -> {
            try {
                return ImageIO.read(cache.path(digest).toFile()) != null;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
    }

    private void show(Showing next) {
        showing = next;
    }

    private static Play play(Manifest manifest, Manifest.Due due, PlayItem item, Instant started, long durationMs, Play.Outcome outcome,
                             boolean fromCache, Play.Failure failure) {
        return new Play(TimeOrderedIds.next(), 0, item.contentId(), item.campaignId(), due.slice().start(), manifest.version(), started,
                durationMs, outcome, fromCache, failure);
    }

    @Override
    public void close() {
        running = false;
        if (loop != null) {
            loop.interrupt();
            // a play ending at this moment is journaled before the agent lets go of its files, not after
            try {
                loop.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
