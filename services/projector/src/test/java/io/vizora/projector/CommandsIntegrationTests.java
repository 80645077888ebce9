package io.vizora.projector;

import io.vizora.projector.commands.CommandFold;
import io.vizora.testsupport.DomainEvents;
import io.vizora.testsupport.TestJwks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

@ProjectorIntegrationTest
class CommandsIntegrationTests {

    private final DomainEvents events = DomainEvents.shared();

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    /** A report travels keyed by its display and its command keyed by itself: on another partition, it may be folded first. */
    @Test
    void aReportFoldedBeforeItsCommandKeepsItsStateAndTheCommandStillReachesTheOtherDisplays() {
        var tenant = UUID.randomUUID();
        var reported = UUID.randomUUID();
        var other = UUID.randomUUID();
        var command = UUID.randomUUID();
        var now = Instant.now();
        events.send(tenant, CommandFold.REPORTED, reported, Map.of("displayId", reported.toString(), "commandId", command.toString(),
                "state", "done", "at", now.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("SELECT 1 FROM display_command WHERE command_id = :command")
                .bind("command", command).map(row -> true).one().blockOptional().isPresent());

        events.send(tenant, CommandFold.ISSUED, command, Map.of("commandId", command.toString(), "command", "reload",
                "displayIds", List.of(reported.toString(), other.toString()), "issuedAt", now.minusSeconds(1).toString(),
                "expiresAt", now.plus(Duration.ofHours(1)).toString()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/v1/commands/" + command)
                .header("Authorization", "Bearer " + TestJwks.operator(tenant, "viewer")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[?(@.displayId == '" + reported + "')].state").isEqualTo(List.of("done"))
                .jsonPath("$[?(@.displayId == '" + other + "')].state").isEqualTo(List.of("sent")));
    }
}
