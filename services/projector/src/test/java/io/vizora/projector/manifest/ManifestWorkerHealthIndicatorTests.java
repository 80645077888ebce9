package io.vizora.projector.manifest;

import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ManifestWorkerHealthIndicatorTests {

    @Test
    void aWorkerThatCannotCompileIsDownWithWhyAndSinceWhen() {
        // nothing listens on port 1: every claim of due displays fails
        var postgres = ConnectionFactories.get("r2dbc:postgresql://vizora@127.0.0.1:1/vizora");
        try (var worker = new ManifestWorker(DatabaseClient.create(postgres), TransactionalOperator.create(new R2dbcTransactionManager(postgres)),
                null, null, 1)) {
            var health = new ManifestWorkerHealthIndicator(worker);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            worker.wake();
            await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().equals(Status.DOWN));
            var first = worker.failure().orElseThrow();
            worker.wake();
            // each failed drain records its failure anew
            await().atMost(Duration.ofSeconds(30)).until(() -> worker.failure().orElseThrow() != first);

            assertThat(health.health().getDetails()).containsKey("detail").containsEntry("since", first.since().toString());
        }
    }
}
