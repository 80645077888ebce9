package io.vizora.agent.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlayJournalTests {

    @TempDir
    Path dir;

    private static Play play() {
        return new Play(UUID.randomUUID(), 0, UUID.randomUUID(), null, Instant.parse("2026-11-26T09:00:00Z"), 7L,
                Instant.parse("2026-11-26T09:00:10Z"), 10_000, Play.Outcome.completed, true, null);
    }

    @Test
    void playsAreNumberedWithoutGapsAndKeptUntilAcknowledged() throws Exception {
        var journal = new PlayJournal(dir);
        var first = journal.append(play());
        var second = journal.append(play());
        var third = journal.append(play());

        assertThat(List.of(first.sequence(), second.sequence(), third.sequence())).containsExactly(1L, 2L, 3L);
        assertThat(journal.pending(2, Duration.ZERO)).containsExactly(first, second);

        journal.acknowledge(List.of(first, second));

        assertThat(journal.pending(10, Duration.ZERO)).containsExactly(third);
        assertThat(journal.size()).isEqualTo(1);
    }

    @Test
    void aJournalOpenedAgainAfterACrashHasEveryUnacknowledgedPlayAndGoesOnCounting() throws Exception {
        var journal = new PlayJournal(dir);
        var first = journal.append(play());
        journal.append(play());
        journal.acknowledge(List.of(first));
        // a crash while writing leaves a temporary file behind: it is not a play
        Files.writeString(dir.resolve("journal").resolve("00000000000000000003.json.tmp"), "{\"half");

        var reopened = new PlayJournal(dir);

        assertThat(reopened.pending(10, Duration.ZERO)).extracting(Play::sequence).containsExactly(2L);
        assertThat(reopened.append(play()).sequence()).isEqualTo(3);
    }

    @Test
    void numbersAreNeverReusedEvenWhenEveryPlayWasAcknowledged() throws Exception {
        var journal = new PlayJournal(dir);
        journal.acknowledge(List.of(journal.append(play()), journal.append(play())));

        assertThat(new PlayJournal(dir).append(play()).sequence()).isEqualTo(3);
    }

    @Test
    void aCounterFileBehindTheNewestPlayIsCaughtUpByThePlayOnDisk() throws Exception {
        var journal = new PlayJournal(dir);
        journal.append(play());
        journal.append(play());
        Files.writeString(dir.resolve("journal.sequence"), "1");

        assertThat(new PlayJournal(dir).append(play()).sequence()).isEqualTo(3);
    }

    @Test
    void refusedPlaysMoveAsideInsteadOfVanishing() throws Exception {
        var journal = new PlayJournal(dir);
        var refused = journal.append(play());

        journal.reject(List.of(refused));

        assertThat(journal.size()).isZero();
        assertThat(dir.resolve("journal-rejected").resolve("00000000000000000001.json")).exists();
    }
}
