# PostgreSQL 15: a cluster of the project's own (not the system one), wal_level=logical for
# Debezium. As root, the server runs as the 'postgres' OS user, which must be able to reach
# its data directory; when the checkout is somewhere it cannot (e.g. under /root), the
# cluster lives in /var/tmp and the state directory links to it.

PG_BIN=/usr/lib/postgresql/15/bin

postgres_ports()    { echo "$PG_PORT"; }
postgres_packages() { [[ -x "$PG_BIN/initdb" ]] || echo postgresql-15; command -v psql >/dev/null || echo postgresql-client-15; }
postgres_log()      { echo "$STATE/postgres/cluster/postgres.log"; }
postgres_endpoint() { echo "postgresql://127.0.0.1:$PG_PORT/vizora"; }
postgres_timeout()  { echo 60; }
postgres_stop_signal() { echo INT; }   # "fast" shutdown: aborts sessions, checkpoints, exits

postgres_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_cluster_dir() { echo "$STATE/postgres/cluster"; }

postgres_owns() { cmdline_has "$1" "$(readlink -f "$(postgres_cluster_dir)")/data"; }

# The postmaster daemonises through pg_ctl and records its own PID.
postgres_pid() { head -n1 "$(readlink -f "$(postgres_cluster_dir)")/data/postmaster.pid" 2>/dev/null; }

postgres_prepare_cluster_dir() {
  local dir; dir=$(postgres_cluster_dir)
  [[ -e "$dir" ]] && return 0
  if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -x "$STATE/postgres"; then
    local outside
    outside=$(mktemp -d "/var/tmp/vizora-$VIZORA_INSTANCE-postgres.XXXXXX")
    ln -s "$outside" "$dir"
  else
    mkdir -p "$dir"
  fi
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$(readlink -f "$dir")"
  chmod 700 "$(readlink -f "$dir")"
}

postgres_start() {
  mkdir -p "$STATE/postgres"
  postgres_prepare_cluster_dir
  local dir; dir=$(readlink -f "$(postgres_cluster_dir)")
  if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    postgres_as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >>"$STATE/postgres/initdb.log" 2>&1 \
      || { cat "$STATE/postgres/initdb.log" >&2; return 1; }
    postgres_as_owner mkdir -p "$dir/socket"
    cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$dir/socket'
wal_level = logical
max_replication_slots = 16
max_wal_senders = 16
max_connections = 200
shared_buffers = 128MB
logging_collector = off
CONF
    echo "host replication all 127.0.0.1/32 scram-sha-256" >> "$dir/data/pg_hba.conf"
  fi
  # Waits for the postmaster to write its PID, so a failure later in 'up' can always stop it.
  postgres_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -t 60 start >/dev/null
}

postgres_psql() {
  local dir; dir=$(readlink -f "$(postgres_cluster_dir)")
  postgres_as_owner psql -X -q -v ON_ERROR_STOP=1 -h "$dir/socket" -p "$PG_PORT" -U postgres "$@"
}

postgres_probe() {
  postgres_psql -d postgres -tAc 'select 1' 2>/dev/null | grep -qx 1
}

postgres_ready() {
  postgres_psql -d postgres <<SQL >/dev/null
SELECT 'CREATE ROLE vizora LOGIN REPLICATION'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vizora')\gexec
ALTER ROLE vizora WITH LOGIN REPLICATION PASSWORD '$POSTGRES_PASSWORD';
-- the command service's (with the outbox), the projector's and the partner streams' (ADR 0035)
SELECT format('CREATE DATABASE %I OWNER vizora', name)
  FROM unnest(ARRAY['vizora', 'vizora_projector', 'vizora_partner']) AS name
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = name)\gexec
SQL
}

postgres_stop() {
  postgres_as_owner "$PG_BIN/pg_ctl" -D "$(readlink -f "$(postgres_cluster_dir)")/data" stop -m fast -t 30 >/dev/null
}
