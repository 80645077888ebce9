package io.vizora.projector.manifest;

import io.vizora.projector.ProjectorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ProjectorIntegrationTest
class CompilationInputsIntegrationTests {

    /** How long a batch's inputs may take before the test calls it hung (they take well under a second). */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @Autowired
    DatabaseClient db;

    @Autowired
    CompilationInputs inputs;

    @Test
    void aBatchOfDisplaysOfSeveralOrganisationsGetsTheInputsOfEveryOne() {
        // after a rebuild the due list holds every organisation's displays, and a batch takes them in the order they became due
        var organisations = IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID()).toList();
        var displays = organisations.stream().flatMap(organisation -> paired(organisation, 400).stream()).toList();

        var found = inputs.forDisplays(displays).block(HANG_GUARD);

        assertThat(found).extracting(each -> each.display().displayId()).containsExactlyInAnyOrderElementsOf(displays);
    }

    private List<UUID> paired(UUID organisation, int count) {
        return db.sql("""
                        INSERT INTO display (id, organisation_id, name, time_zone, tags, group_ids, paired_at)
                        SELECT gen_random_uuid(), :organisation, 'Display ' || n, 'Europe/Berlin', '{}', '{}', now()
                        FROM generate_series(1, :count) AS n RETURNING id""")
                .bind("organisation", organisation).bind("count", count)
                .map(row -> row.get(0, UUID.class)).all().collectList().block();
    }
}
