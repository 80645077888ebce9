package io.vizora.agent.journal;

import java.time.Instant;
import java.util.UUID;

/**
 * One play as the agent reports it (vizora.playback.play_reported.v1): the play id is chosen here
 * and names the play everywhere after, the sequence is given by the journal.
 */
public record Play(UUID playId, long sequence, UUID contentId, UUID campaignId, Instant sliceStart, Long manifestVersion,
                   Instant startedAt, long durationMs, Outcome outcome, Boolean fromCache, Failure error) {

    public enum Outcome { completed, interrupted, failed }

    /** Why an item could not be shown: the stage ({@code download}, {@code verify}, {@code load}, {@code decode}) and what happened. */
    public record Failure(String stage, String detail) {

        public Failure {
            detail = detail == null ? "unknown" : detail.length() > 500 ? detail.substring(0, 500) : detail;
        }
    }

    Play numbered(long number) {
        return new Play(playId, number, contentId, campaignId, sliceStart, manifestVersion, startedAt, durationMs, outcome, fromCache, error);
    }
}
