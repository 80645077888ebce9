package io.vizora.platform.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.command.CommandSettings;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Vizora's access to ClickHouse. The Debian server (18.16) predates the binary formats current
 * drivers negotiate, so everything goes over HTTP in text formats: rows in as JSONEachRow,
 * results out as TabSeparated, server responses uncompressed. That SQL also runs on a current
 * ClickHouse (see compose/).
 */
public final class ClickHouseStore implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;
    private static final ObjectWriter ROWS = JsonMapper.shared().writer().withRootValueSeparator("\n");

    private final Client client;

    public ClickHouseStore(ClickHouseProperties properties) {
        this.client = new Client.Builder()
                .addEndpoint(properties.url())
                .setUsername(properties.username())
                .setPassword(properties.password())
                .setDefaultDatabase(properties.database())
                // the Debian server (18.16) ignores how current clients name the database; it reads the URL's database parameter
                .serverSetting("database", properties.database())
                .compressServerResponse(false)
                .build();
    }

    public void execute(String sql) {
        call(() -> {
            try (var ignored = await(client.execute(sql, new CommandSettings()))) {
                return null;
            }
        });
    }

    /** Inserts newline-delimited JSON objects, one row each. */
    public void insertJsonEachRow(String table, String rows) {
        insert(table, rows.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Inserts JSON objects, one row each, written by one generator straight to UTF-8: a string per
     * row, joined and then encoded, was a fifth of the plays ingest's CPU (ADR 0033).
     */
    public void insertJsonEachRow(String table, Collection<? extends JsonNode> rows) {
        var out = new ByteArrayOutputStream(Math.max(1_024, rows.size() * 512));
        try (var writer = ROWS.writeValues(out)) {
            writer.writeAll(rows);
        }
        out.write('\n');
        insert(table, out.toByteArray());
    }

    private void insert(String table, byte[] rows) {
        var data = new ByteArrayInputStream(rows);
        call(() -> {
            try (var ignored = await(client.insert(table, data, ClickHouseFormat.JSONEachRow, new InsertSettings()))) {
                return null;
            }
        });
    }

    /** Runs a query and returns its rows, each as its TabSeparated fields. */
    public List<List<String>> query(String sql) {
        var settings = new QuerySettings().setFormat(ClickHouseFormat.TabSeparated);
        return call(() -> {
            try (var response = await(client.query(sql, settings));
                 var reader = new BufferedReader(new InputStreamReader(response.getInputStream(), StandardCharsets.UTF_8))) {
                return reader.lines().map(line -> Arrays.asList(line.split("\t", -1))).toList();
            }
        });
    }

    @Override
    public void close() {
        client.close();
    }

    private interface StoreCall<T> {
        T call() throws Exception;
    }

    private static <T> T call(StoreCall<T> call) {
        try {
            return call.call();
        } catch (ExecutionException e) {
            throw new ClickHouseException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClickHouseException(e);
        } catch (ClickHouseException e) {
            throw e;
        } catch (Exception e) {
            throw new ClickHouseException(e);
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
