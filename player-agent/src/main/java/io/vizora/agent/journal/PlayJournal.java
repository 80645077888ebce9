package io.vizora.agent.journal;

import io.vizora.agent.Json;
import io.vizora.agent.SafeFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The plays not yet acknowledged by the server, on disk (guarantee 6, docs/architecture.md): every
 * play is written, forced to disk, before it is reported, under the next number of the device's
 * gapless sequence; it is deleted only once the server acknowledged it. One file per play, named by
 * its sequence, so a crash at any moment leaves either the whole play or none of it, and the next
 * number is found again from the highest file and the counter file.
 */
public final class PlayJournal {

    private final Path dir;
    private final Path counter;
    private final Path rejected;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final TreeMap<Long, Play> pending = new TreeMap<>();
    private long last;

    public PlayJournal(Path dataDir) throws IOException {
        this.dir = SafeFiles.directory(dataDir.resolve("journal"));
        this.counter = dataDir.resolve("journal.sequence");
        this.rejected = dataDir.resolve("journal-rejected");
        try (var files = Files.list(dir)) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                var play = Json.MAPPER.readValue(file.toFile(), Play.class);
                pending.put(play.sequence(), play);
            }
        }
        long counted = Files.exists(counter) ? Long.parseLong(Files.readString(counter).strip()) : 0;
        last = Math.max(counted, pending.isEmpty() ? 0 : pending.lastKey());
    }

    /** Numbers the play, puts it on disk and returns it numbered. */
    public Play append(Play play) throws IOException {
        lock.lock();
        try {
            var numbered = play.numbered(last + 1);
            SafeFiles.write(file(numbered.sequence()), Json.MAPPER.writeValueAsBytes(numbered));
            SafeFiles.write(counter, Long.toString(numbered.sequence()).getBytes());
            last = numbered.sequence();
            pending.put(last, numbered);
            appended.signalAll();
            return numbered;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest unacknowledged plays, at most {@code limit}, waiting up to {@code wait} for one. */
    public List<Play> pending(int limit, Duration wait) throws InterruptedException {
        lock.lock();
        try {
            if (pending.isEmpty()) {
                appended.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
            return pending.values().stream().limit(limit).toList();
        } finally {
            lock.unlock();
        }
    }

    /** The server has these: they leave the journal. */
    public void acknowledge(Collection<Play> plays) {
        remove(plays, null);
    }

    /** The server refused these for good: they move aside, kept for a person to look at, never lost silently. */
    public void reject(Collection<Play> plays) throws IOException {
        SafeFiles.directory(rejected);
        remove(plays, rejected);
    }

    private void remove(Collection<Play> plays, Path keepIn) {
        lock.lock();
        try {
            for (var play : plays) {
                var file = file(play.sequence());
                if (keepIn != null) {
                    Files.move(file, keepIn.resolve(file.getFileName()));
                } else {
                    Files.deleteIfExists(file);
                }
                pending.remove(play.sequence());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    public long lastSequence() {
        lock.lock();
        try {
            return last;
        } finally {
            lock.unlock();
        }
    }

    public List<Play> all() {
        lock.lock();
        try {
            return new ArrayList<>(pending.values());
        } finally {
            lock.unlock();
        }
    }

    private Path file(long sequence) {
        return dir.resolve("%020d.json".formatted(sequence));
    }
}
