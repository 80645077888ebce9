package io.vizora.platform.clickhouse;

public class ClickHouseException extends RuntimeException {

    public ClickHouseException(Throwable cause) {
        super("ClickHouse request failed: " + cause.getMessage(), cause);
    }
}
