package io.vizora.agent;

import io.vizora.agent.browser.BrowserSupervisor;
import io.vizora.agent.command.ScreenActions;
import io.vizora.agent.playback.Showing;

import java.time.Instant;
import java.util.UUID;

/**
 * What the agent is doing, for people: written to {@code state.json} in the data directory (read by
 * {@code vizora-agent status}) and served to the kiosk page.
 *
 * @param state     pairing, waiting-for-manifest, playing, or playing-last-good-timeline (no
 *                  server reachable, or the manifest ran out)
 * @param connected whether the gateway socket is open
 * @param pairing   the code shown while the screen waits to be paired (null: none)
 * @param kioskUrl  where the kiosk page shows what this screen shows (null: headless)
 * @param browser   the supervised kiosk browser (null: none, {@code run --browser} starts one)
 * @param reloadAt  when the kiosk page was last asked to reload (fleet command reload; null: never)
 * @param identify  the display's name while an identify command shows it (null: none)
 */
public record AgentStatus(UUID displayId, String state, boolean connected, Pairing pairing, Long manifestVersion, Instant manifestValidUntil,
                          Showing playing, int pendingPlays, long lastSequence, String lastError, String kioskUrl,
                          BrowserSupervisor.State browser, Instant reloadAt, ScreenActions.Identify identify, Instant at) {

    /** The code the screen shows while it waits to be paired (null: none). */
    public String pairingCode() {
        return pairing == null ? null : pairing.code();
    }
}
