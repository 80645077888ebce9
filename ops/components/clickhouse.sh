# ClickHouse (Debian's 18.16) from a config of the project's own: loopback, own ports, all
# paths in the state dir. Users: 'vizora' (read-write, for services) and 'analyst' (read-only over
# every organisation: for whoever runs the installation, never for a tenant; an organisation's
# analysts get accounts of their own that see only its rows: ops/clickhouse-analyst.sh).

clickhouse_ports()    { echo "$CH_HTTP_PORT $CH_TCP_PORT"; }
clickhouse_packages() { command -v clickhouse-server >/dev/null || echo clickhouse-server; }
clickhouse_log()      { echo "$STATE/clickhouse/clickhouse.log"; }
clickhouse_endpoint() { echo "http://127.0.0.1:$CH_HTTP_PORT"; }
clickhouse_timeout()  { echo 60; }
clickhouse_stop_signal() { echo TERM; }
clickhouse_owns()     { cmdline_has "$1" "$STATE/clickhouse/config.xml"; }

sha256_hex() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }

clickhouse_start() {
  local dir="$STATE/clickhouse"
  mkdir -p "$dir/data" "$dir/tmp" "$dir/user_files" "$dir/format_schemas"
  ( umask 077
    cat > "$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger>
    <level>information</level>
    <log>$dir/clickhouse.log</log>
    <errorlog>$dir/clickhouse.err.log</errorlog>
    <size>100M</size>
    <count>2</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$CH_HTTP_PORT</http_port>
  <tcp_port>$CH_TCP_PORT</tcp_port>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <max_concurrent_queries>100</max_concurrent_queries>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <mlock_executable>false</mlock_executable>
</yandex>
XML
    cat > "$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles>
    <default><max_memory_usage>2000000000</max_memory_usage></default>
    <readonly><readonly>1</readonly><max_memory_usage>2000000000</max_memory_usage></readonly>
  </profiles>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
  <users>
    <default>
      <password_sha256_hex>$(sha256_hex "$CLICKHOUSE_PASSWORD")</password_sha256_hex>
      <networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota>
    </default>
    <vizora>
      <password_sha256_hex>$(sha256_hex "$CLICKHOUSE_PASSWORD")</password_sha256_hex>
      <networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota>
    </vizora>
    <analyst>
      <password_sha256_hex>$(sha256_hex "$CLICKHOUSE_ANALYST_PASSWORD")</password_sha256_hex>
      <networks><ip>127.0.0.1</ip></networks><profile>readonly</profile><quota>default</quota>
    </analyst>
  </users>
</yandex>
XML
  )
  spawn clickhouse "$dir/console.log" clickhouse-server --config-file="$dir/config.xml"
}

clickhouse_query() { # $1 SQL; answers over the HTTP protocol as user vizora
  curl -sf --max-time 5 -u "vizora:$CLICKHOUSE_PASSWORD" --data-binary "$1" "http://127.0.0.1:$CH_HTTP_PORT/"
}

clickhouse_probe() {
  [[ $(curl -sf --max-time 2 "http://127.0.0.1:$CH_HTTP_PORT/ping" 2>/dev/null) == "Ok." ]] &&
    [[ $(clickhouse_query 'SELECT 1' 2>/dev/null) == 1 ]]
}

clickhouse_ready() { clickhouse_query 'CREATE DATABASE IF NOT EXISTS vizora' >/dev/null; }
