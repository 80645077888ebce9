package io.vizora.command.fleet.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What an operator can make displays do, and the event that says it was asked. */
public final class FleetCommands {

    public static final int MAX_DISPLAYS = 10_000;
    public static final int MIN_SECONDS = 5;
    public static final int MAX_SECONDS = 86_400;
    public static final Duration DEFAULT_EXPIRY = Duration.ofHours(1);

    /** The commands, by the names the device protocol and the event use. */
    public enum Command {
        RELOAD, RESTART, CLEAR_CACHE, SCREENSHOT, IDENTIFY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Issued(UUID commandId, String command, List<UUID> displayIds, Instant issuedAt, Instant expiresAt) {
        public static final String TYPE = "vizora.fleet.command_issued.v1";

        public Issued(UUID commandId, Command command, List<UUID> displayIds, Instant issuedAt, Duration lifetime) {
            this(commandId, command.code(), List.copyOf(displayIds), issuedAt, issuedAt.plus(lifetime));
        }
    }

    private FleetCommands() {
    }
}
