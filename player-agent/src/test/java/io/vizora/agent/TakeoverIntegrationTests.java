package io.vizora.agent;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Take over now, through every service as a process of its own and real agents: the takeover
 * reaches a connected screen at once, and ends on time on a screen that went offline before its
 * end, since the timeline the screen holds knows when it ends.
 */
@ExtendWith(VizoraSystem.Shared.class)
class TakeoverIntegrationTests {

    private static final Duration LONG = Duration.ofSeconds(60);
    private static VizoraSystem system;

    @BeforeAll
    static void system() {
        system = VizoraSystem.shared();
    }

    private static UUID playlistOfOneImage(OperatorApi operator, String name) throws Exception {
        return operator.playlist(name, List.of(operator.upload(name, VizoraSystem.png())), 1_000);
    }

    private static boolean playing(Agent agent, UUID campaign) {
        var playing = agent.status().playing();
        return playing != null && campaign.equals(playing.campaignId());
    }

    @Test
    void aTakeoverForTheWholeOrganisationReachesAConnectedScreenAtOnceAndEndsOnTimeOnAScreenThatWentOffline(@TempDir Path dir) throws Exception {
        var operator = system.operator();
        var tag = "takeover-" + UUID.randomUUID().toString().substring(0, 8);
        var normal = operator.publishAllDay("normal", playlistOfOneImage(operator, "normal"), tag, 7, 10);
        var emergency = playlistOfOneImage(operator, "evacuate");
        Instant endsAt;
        UUID takeover;
        try (var agent = new Agent(system.agent(dir, system.gatewayUri(), null), VizoraSystem.HTTP).start()) {
            await().atMost(LONG).until(() -> agent.status().pairingCode() != null);
            operator.claim(agent.status().pairingCode(), "screen " + tag, "Pacific/Auckland", List.of(tag));
            await().atMost(LONG).until(() -> playing(agent, normal));

            var started = System.nanoTime();
            var created = operator.takeOver(emergency, Map.of("wholeOrganisation", true), 15);
            takeover = UUID.fromString(created.get("campaignId").asString());
            await().atMost(LONG).until(() -> playing(agent, takeover));
            System.out.printf("takeover now: on the connected screen %d ms after the request%n", (System.nanoTime() - started) / 1_000_000);

            endsAt = Instant.parse(created.get("period").get("endsAt").asString());
            var timeline = agent.manifest().orElseThrow().timeline();
            assertThat(timeline.at(endsAt.minusMillis(1)).campaignIds()).containsExactly(takeover);
            assertThat(timeline.at(endsAt).campaignIds()).containsExactly(normal);
        }
        try (var offline = new Agent(system.agent(dir, VizoraSystem.unreachableGateway(), null), VizoraSystem.HTTP).start()) {
            await().atMost(LONG).until(() -> playing(offline, takeover) || Instant.now().isAfter(endsAt));
            assertThat(playing(offline, takeover)).as("the offline screen still shows the takeover before its end").isTrue();
            await().atMost(LONG).until(() -> playing(offline, normal));
            assertThat(Instant.now()).isAfterOrEqualTo(endsAt);
            assertThat(offline.status().connected()).isFalse();
        }
    }
}
