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
    void rowsInsertedAsTreesKeepTextWithLineBreaksAndAnyScriptAsItWas() {
        var table = "probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        clickHouse.execute("CREATE TABLE " + table + " (id UInt32, detail String) ENGINE = MergeTree() ORDER BY id");
        var texts = List.of("HTTP 404\nfrom the store", "Ошибка загрузки: файл повреждён", "tab\tand \"quotes\" and \\ backslash");
        try {
            var rows = new java.util.ArrayList<tools.jackson.databind.node.ObjectNode>();
            for (int i = 0; i < texts.size(); i++) {
                rows.add(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("id", i).put("detail", texts.get(i)));
            }

            clickHouse.insertJsonEachRow(table, rows);

            assertThat(clickHouse.query("SELECT count() FROM " + table).getFirst()).containsExactly("3");
            assertThat(clickHouse.query("SELECT detail FROM " + table + " WHERE id = 1").getFirst()).containsExactly(texts.get(1));
            assertThat(clickHouse.query("SELECT length(detail) FROM " + table + " WHERE id = 0").getFirst())
                    .containsExactly(Integer.toString(texts.getFirst().length()));
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
