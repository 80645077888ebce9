package io.vizora.agent.device;

import java.time.Instant;
import java.util.UUID;

/** What a paired screen holds: who it is, its long-lived secret, and its current device token. */
public record Credentials(UUID displayId, UUID organisationId, String deviceSecret, String accessToken, Instant tokenExpiresAt) {

    public Credentials withToken(String token, Instant expiresAt) {
        return new Credentials(displayId, organisationId, deviceSecret, token, expiresAt);
    }

    @Override
    public String toString() {
        return "Credentials[display=" + displayId + ", organisation=" + organisationId + ", token expires " + tokenExpiresAt + "]";
    }
}
