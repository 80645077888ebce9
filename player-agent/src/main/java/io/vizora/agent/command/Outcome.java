package io.vizora.agent.command;

import java.util.UUID;

/** What a command did, in words, and the screenshot it took, if it took one. */
public record Outcome(String detail, UUID screenshotId) {

    public static Outcome of(String detail) {
        return new Outcome(detail, null);
    }
}
