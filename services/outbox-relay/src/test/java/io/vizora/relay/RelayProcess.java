package io.vizora.relay;

import io.vizora.testsupport.ServiceProcess;

import java.io.IOException;
import java.nio.file.Path;

/** The packaged relay (target/outbox-relay.jar) as its own OS process, so tests can kill -9 it. */
final class RelayProcess implements AutoCloseable {

    private final ServiceProcess process;

    private RelayProcess(ServiceProcess process) {
        this.process = process;
    }

    static RelayProcess start(String name, String... settings) throws IOException {
        var arguments = new java.util.ArrayList<>(java.util.List.of("--vizora.relay.heartbeat-interval=1s",
                "--vizora.relay.restart-backoff=500ms",
                "--vizora.relay.leader-check-interval=250ms"));
        arguments.addAll(java.util.List.of(settings));
        return new RelayProcess(ServiceProcess.start(Path.of("target", "outbox-relay.jar"), "relay-" + name, 0, arguments.toArray(String[]::new)));
    }

    RelayProcess awaitRole(String role) {
        process.awaitHealth("\"role\":\"" + role + "\"");
        return this;
    }

    String health() {
        return process.health();
    }

    String metrics() {
        return process.get("/actuator/prometheus");
    }

    String log() throws IOException {
        return process.log();
    }

    /** kill -9: no shutdown hook runs, no offset is flushed. */
    void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
