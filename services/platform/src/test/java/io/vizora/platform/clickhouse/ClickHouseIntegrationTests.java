package io.vizora.platform.clickhouse;

import io.vizora.platform.StackIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@StackIntegrationTest
class ClickHouseIntegrationTests {

    @Autowired
    ClickHouseStore clickHouse;

    @Test
    void rowsInsertedAsJsonAreAggregatedBack() {
        var table = "probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        clickHouse.execute("CREATE TABLE " + table + " (day Date, content String, plays UInt32) "
                + "ENGINE = MergeTree() PARTITION BY toYYYYMM(day) ORDER BY (day, content)");
        try {
            clickHouse.insertJsonEachRow(table, """
                    {"day":"2026-11-01","content":"a","plays":3}
                    {"day":"2026-11-01","content":"b","plays":1}
                    {"day":"2026-11-01","content":"a","plays":2}
                    {"day":"2026-11-02","content":"a","plays":7}
                    """);

            var rows = clickHouse.query("SELECT day, content, sum(plays) FROM " + table
                    + " GROUP BY day, content ORDER BY day, content");

            assertThat(rows).containsExactly(
                    List.of("2026-11-01", "a", "5"),
                    List.of("2026-11-01", "b", "1"),
                    List.of("2026-11-02", "a", "7"));
        } finally {
            clickHouse.execute("DROP TABLE " + table);
        }
    }

    @Test
    void aBadQueryFailsWithClickHousesReason() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clickHouse.query("SELECT * FROM no_such_table"))
                .isInstanceOf(ClickHouseException.class)
                .hasMessageContaining("no_such_table");
    }
}
