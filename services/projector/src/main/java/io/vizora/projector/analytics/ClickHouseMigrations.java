package io.vizora.projector.analytics;

import io.vizora.platform.clickhouse.ClickHouseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Applies {@code classpath:clickhouse/V<n>__<name>.sql} in order, each once, recorded in
 * {@code schema_migrations}. ClickHouse has no transactions, so every statement must be safe to run
 * again (IF NOT EXISTS); a migration is recorded after all its statements ran. Hand-written because
 * Flyway's ClickHouse support needs the JDBC driver, which the Debian server (18.16) does not speak
 * with (ADR 0015).
 */
public final class ClickHouseMigrations {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseMigrations.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

    private record Migration(int version, String name, Resource script) {
    }

    private final ClickHouseStore store;

    public ClickHouseMigrations(ClickHouseStore store) {
        this.store = store;
    }

    /** Applies what is not applied yet; returns how many it applied. */
    public int migrate() {
        store.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, name String, applied_at DateTime) "
                + "ENGINE = MergeTree ORDER BY version");
        var applied = store.query("SELECT max(version) FROM schema_migrations").stream().findFirst()
                .map(row -> Integer.parseInt(row.getFirst())).orElse(0);
        var pending = migrations().stream().filter(migration -> migration.version() > applied).toList();
        for (var migration : pending) {
            for (var statement : statements(migration.script())) {
                store.execute(statement);
            }
            store.insertJsonEachRow("schema_migrations", "{\"version\":" + migration.version() + ",\"name\":\"" + migration.name()
                    + "\",\"applied_at\":\"" + java.time.Instant.now().getEpochSecond() + "\"}\n");
            log.atInfo().addKeyValue("version", migration.version()).addKeyValue("name", migration.name()).log("applied a ClickHouse migration");
        }
        return pending.size();
    }

    private static List<Migration> migrations() {
        try {
            return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath*:clickhouse/V*__*.sql"))
                    .map(resource -> {
                        var matcher = NAME.matcher(resource.getFilename());
                        if (!matcher.matches()) {
                            throw new IllegalStateException("not a migration's name: " + resource.getFilename());
                        }
                        return new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2), resource);
                    })
                    .sorted(Comparator.comparingInt(Migration::version))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script's statements: separated by semicolons at line ends, comments dropped. */
    static List<String> statements(Resource script) {
        try {
            var text = script.getContentAsString(StandardCharsets.UTF_8).lines().filter(line -> !line.strip().startsWith("--"))
                    .reduce("", (all, line) -> all + line + "\n");
            return Arrays.stream(text.split(";\\s*\n")).map(String::strip).filter(statement -> !statement.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
