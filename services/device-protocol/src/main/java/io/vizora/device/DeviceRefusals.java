package io.vizora.device;

/**
 * How the command service refuses a device, as the title of its problem detail. Only this refusal
 * means the display is no longer paired, and the agent forgets its pairing on it alone: a 401 or a
 * 404 from anything else on the way (a proxy, an ingress during a deploy) would otherwise unpair
 * every screen behind it.
 */
public final class DeviceRefusals {

    /** No paired display has this id and secret: unpaired, or never paired. */
    public static final String UNKNOWN_DEVICE = "Unknown device";

    private DeviceRefusals() {
    }
}
