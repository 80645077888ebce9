package io.vizora.agent.command;

import io.vizora.device.CommandStatus;
import io.vizora.device.CommandStatus.State;
import io.vizora.device.FleetCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CommandRunnerTests {

    /** Counts what it is asked to do; identify fails, to see a failure reported. */
    private static final class Counting implements Actions {
        final AtomicInteger reloads = new AtomicInteger();
        final AtomicInteger restarts = new AtomicInteger();
        final boolean supervised;

        Counting(boolean supervised) {
            this.supervised = supervised;
        }

        @Override
        public Outcome reload(FleetCommand command) {
            reloads.incrementAndGet();
            return Outcome.of("reloaded");
        }

        @Override
        public Outcome clearCache(FleetCommand command) {
            return Outcome.of("cleared");
        }

        @Override
        public Outcome screenshot(FleetCommand command) {
            return new Outcome("captured", UUID.randomUUID());
        }

        @Override
        public Outcome identify(FleetCommand command) {
            throw new IllegalStateException("no name to show");
        }

        @Override
        public boolean canRestart() {
            return supervised;
        }

        @Override
        public void restart() {
            restarts.incrementAndGet();
        }
    }

    private static FleetCommand command(String name, Duration expiresIn) {
        return new FleetCommand(UUID.randomUUID(), name, Instant.now(), Instant.now().plus(expiresIn));
    }

    private static List<State> states(CommandRunner runner, FleetCommand command) {
        return runner.unreported().stream().filter(status -> status.commandId().equals(command.commandId())).map(CommandStatus::state).toList();
    }

    /** The gateway acknowledges whatever is sent. */
    private static void acknowledgeAll(CommandRunner runner) throws Exception {
        for (var status : runner.unreported()) {
            runner.reported(status);
        }
    }

    @Test
    void aCommandRunsOnceEvenWhenItArrivesAgainAndItsOutcomeIsReportedAgain(@TempDir Path dir) throws Exception {
        var actions = new Counting(true);
        var reload = command(FleetCommand.RELOAD, Duration.ofHours(1));
        try (var runner = new CommandRunner(new CommandLog(dir), actions, () -> { })) {
            runner.receive(reload);
            await().until(() -> states(runner, reload).equals(List.of(State.DONE)));
            acknowledgeAll(runner);

            runner.receive(reload);
            await().until(() -> states(runner, reload).equals(List.of(State.DONE)));
        }
        // a restarted agent remembers it too
        try (var runner = new CommandRunner(new CommandLog(dir), actions, () -> { })) {
            acknowledgeAll(runner);
            runner.receive(reload);
            await().until(() -> states(runner, reload).equals(List.of(State.DONE)));
        }
        assertThat(actions.reloads).hasValue(1);
    }

    @Test
    void anUnknownOrExpiredCommandIsRefusedWithItsReasonAndNothingRuns(@TempDir Path dir) throws Exception {
        var actions = new Counting(false);
        var unknown = command("defragment", Duration.ofHours(1));
        var expired = command(FleetCommand.RELOAD, Duration.ofSeconds(-1));
        var restart = command(FleetCommand.RESTART, Duration.ofHours(1));
        try (var runner = new CommandRunner(new CommandLog(dir), actions, () -> { })) {
            runner.receive(unknown);
            runner.receive(expired);
            runner.receive(restart);
            await().until(() -> runner.unreported().size() == 3);

            assertThat(runner.unreported()).allSatisfy(status -> assertThat(status.state()).isEqualTo(State.REFUSED));
            assertThat(runner.unreported().getFirst().detail()).contains("does not know the command 'defragment'");
            assertThat(runner.unreported().get(1).detail()).contains("expired");
            assertThat(runner.unreported().get(2).detail()).contains("without a supervisor");
        }
        assertThat(actions.reloads).hasValue(0);
        assertThat(actions.restarts).hasValue(0);
    }

    @Test
    void aFailingCommandIsReportedFailedWithItsReasonAndARestartWaitsUntilItsOutcomeIsAcknowledged(@TempDir Path dir) throws Exception {
        var actions = new Counting(true);
        var identify = command(FleetCommand.IDENTIFY, Duration.ofHours(1));
        var restart = command(FleetCommand.RESTART, Duration.ofHours(1));
        try (var runner = new CommandRunner(new CommandLog(dir), actions, () -> { })) {
            runner.receive(identify);
            await().until(() -> states(runner, identify).equals(List.of(State.FAILED)));
            assertThat(runner.unreported().getLast().detail()).isEqualTo("no name to show");

            runner.receive(restart);
            await().until(() -> states(runner, restart).equals(List.of(State.DONE)));
            assertThat(actions.restarts).hasValue(0);
            acknowledgeAll(runner);
            await().untilAtomic(actions.restarts, org.hamcrest.Matchers.equalTo(1));
        }
    }
}
