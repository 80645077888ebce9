package io.vizora.device;

import java.util.UUID;

/**
 * Where the device protocol's state lives in Redis, under a deployment's prefix (by default
 * {@code vizora:}), named once for the projector that writes it and the gateway that reads it:
 * <ul>
 *   <li>{@code <prefix>manifest:<displayId>}: a hash with the newest manifest ({@code manifest},
 *       {@link ManifestDocument} JSON), its {@code version} and the display's {@code organisation};
 *       gone once the display is unpaired.</li>
 *   <li>{@code <prefix>commands:<displayId>}: a hash of the display's open fleet commands, by
 *       command id, each a {@link FleetCommand} JSON; a command leaves it once the display reports
 *       its outcome, and the hash expires with its last command.</li>
 *   <li>{@code <prefix>stored}: set by the projector once Redis holds everything above; its absence
 *       means Redis lost what it held (restarted without its data, flushed), and the projector
 *       stores it all again.</li>
 * </ul>
 */
public record RedisLayout(String prefix) {

    public RedisLayout {
        prefix = prefix == null || prefix.isBlank() ? "vizora:" : prefix;
    }

    public String manifest(UUID displayId) {
        return manifestPrefix() + displayId;
    }

    /** What precedes a display id in a manifest key (for the publisher's batched script). */
    public String manifestPrefix() {
        return prefix + "manifest:";
    }

    public String commands(UUID displayId) {
        return prefix + "commands:" + displayId;
    }

    public String stored() {
        return prefix + "stored";
    }
}
