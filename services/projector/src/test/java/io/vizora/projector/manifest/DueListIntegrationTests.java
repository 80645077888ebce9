package io.vizora.projector.manifest;

import io.vizora.projector.ProjectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

@ProjectorIntegrationTest
class DueListIntegrationTests {

    @Autowired
    DatabaseClient db;

    @Test
    void aBatchIsChosenOnceWhateverTheStatisticsOfTheDueListSay() {
        // statistics of an empty list, as a fresh queue has until autovacuum comes: the form of
        // the claim that the planner joined to itself chose the batch again for every due row
        db.sql("ANALYZE manifest_due").then().block();
        var plan = String.join("\n", db.sql("EXPLAIN " + ManifestWorker.CLAIM).bind("batch", 1000)
                .map(row -> row.get(0, String.class)).all().collectList().block());

        assertThat(plan).contains("InitPlan").doesNotContain("Join").doesNotContain("Loop");
    }
}
