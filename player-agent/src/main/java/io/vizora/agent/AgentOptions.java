package io.vizora.agent;

import io.vizora.agent.link.Backoff;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How one agent runs: where it keeps its state, the command service (pairing, tokens) and the
 * gateway socket it talks to, the operator console its pairing QR code opens, how often it beats and reports, how often it checks for a newer
 * manifest over HTTP besides the push (about every {@code manifestCheckEvery}, jittered), and the
 * kiosk page's port (null: none).
 */
public record AgentOptions(Path dataDir, URI server, URI gateway, URI console, Duration heartbeatEvery, int reportBatch, Backoff backoff,
                           Duration pairingPoll, Duration tokenRenewalMargin, Duration manifestCheckEvery, Integer kioskPort) {

    public URI socket() {
        return gateway.resolve("/device/v1/socket");
    }
}
