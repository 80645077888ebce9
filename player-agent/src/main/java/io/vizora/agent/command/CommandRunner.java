package io.vizora.agent.command;

import io.vizora.device.CommandStatus;
import io.vizora.device.CommandStatus.State;
import io.vizora.device.FleetCommand;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * Runs the fleet commands the gateway sends, one at a time, each once: a command it has seen is
 * answered from the {@link CommandLog}; an expired one is refused without running; one this agent
 * does not know is refused by name; otherwise it reports {@code delivered}, runs, and reports
 * {@code done} or {@code failed}. Statuses go out through the reporter ({@link #unreported()}),
 * which sends them until the gateway acknowledges each.
 */
public final class CommandRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CommandRunner.class.getName());
    static final List<String> KNOWN = List.of(FleetCommand.RELOAD, FleetCommand.RESTART, FleetCommand.CLEAR_CACHE, FleetCommand.SCREENSHOT,
            FleetCommand.IDENTIFY);

    private final CommandLog log;
    private final Actions actions;
    private final Runnable wakeReporter;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("fleet-command").factory());

    public CommandRunner(CommandLog log, Actions actions, Runnable wakeReporter) {
        this.log = log;
        this.actions = actions;
        this.wakeReporter = wakeReporter;
    }

    /** Takes a command from the gateway; returns at once, it runs on the runner's own thread. */
    public void receive(FleetCommand command) {
        worker.execute(() -> {
            try {
                handle(command);
            } catch (IOException e) {
                LOG.warning(() -> "could not record command " + command.commandId() + ": " + e);
            }
        });
    }

    private void handle(FleetCommand command) throws IOException {
        var known = log.get(command.commandId());
        if (known.isPresent()) {
            // the gateway's two paths, or a restart: say again where it stands, never run it again
            log.unreport(command.commandId());
            wakeReporter.run();
            return;
        }
        if (command.expiredAt(Instant.now())) {
            report(command, CommandStatus.of(command.commandId(), State.REFUSED, "it expired at " + command.expiresAt() + " before it arrived"));
            return;
        }
        if (!KNOWN.contains(command.command()) || (command.command().equals(FleetCommand.RESTART) && !actions.canRestart())) {
            var reason = KNOWN.contains(command.command()) ? "this agent runs without a supervisor that would start it again"
                    : "this agent does not know the command '" + command.command() + "'; it knows " + String.join(", ", KNOWN);
            report(command, CommandStatus.of(command.commandId(), State.REFUSED, reason));
            return;
        }
        report(command, CommandStatus.of(command.commandId(), State.DELIVERED, null));
        Outcome outcome;
        try {
            outcome = switch (command.command()) {
                case FleetCommand.RELOAD -> actions.reload(command);
                case FleetCommand.CLEAR_CACHE -> actions.clearCache(command);
                case FleetCommand.SCREENSHOT -> actions.screenshot(command);
                case FleetCommand.IDENTIFY -> actions.identify(command);
                default -> Outcome.of("restarting the agent");
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            LOG.warning(() -> "command " + command.command() + " failed: " + e);
            report(command, CommandStatus.of(command.commandId(), State.FAILED, e.getMessage() == null ? e.toString() : e.getMessage()));
            return;
        }
        var done = CommandStatus.of(command.commandId(), State.DONE, outcome.detail()).withScreenshot(outcome.screenshotId());
        report(command, done);
        if (command.command().equals(FleetCommand.RESTART)) {
            // the outcome must reach the gateway first, or the restarted agent would be asked again
            try {
                log.awaitReported(done, Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            actions.restart();
        }
    }

    private void report(FleetCommand command, CommandStatus status) throws IOException {
        log.record(status, command.expiresAt());
        wakeReporter.run();
    }

    /** The statuses to send, oldest first. */
    public List<CommandStatus> unreported() {
        return log.unreported();
    }

    public void reported(CommandStatus status) throws IOException {
        log.reported(status);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
