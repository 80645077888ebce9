#!/usr/bin/env bash
# Tests of ops/stack.sh itself, on a throwaway instance with its own ports and state:
# a taken port fails naming the component and rolls back what was started; a stale PID file
# is ignored and its process left alone; up twice and down twice are harmless; and of
# ops/clickhouse-analyst.sh: an organisation's analyst reads its own rows only.
set -uo pipefail
OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export VIZORA_INSTANCE=stacktest VIZORA_PORT_OFFSET=200
source "$OPS_DIR/lib/common.sh"
stack() { "$OPS_DIR/stack.sh" "$@"; }
quietly() { "$@" >>"$VIZORA_HOME/stack-tests.log" 2>&1; }

failures=0
check() { # $1 description, rest: command that must succeed
  local what=$1; shift
  if "$@"; then echo "  ok   $what"; else echo "  FAIL $what"; failures=$((failures + 1)); fi
}
all_down() { ! stack status | grep -vE '^(command-service|outbox-relay|projector|push-gateway|partner-streams|demo-fleet) ' | grep -qv ' down '; }
none_of_ours_alive() { ! pgrep -f "$STATE/" >/dev/null; }

occupant=""
cleanup() {
  [[ -n "$occupant" ]] && kill "$occupant" 2>/dev/null
  stack clean >/dev/null 2>&1
}
trap cleanup EXIT

echo "stack tests (instance $VIZORA_INSTANCE, state $STATE)"
stack clean >/dev/null 2>&1
# the occupant below is a redis-server, which a fresh machine gets from this install
stack install >/dev/null || { echo "stack tests: installing the stack's packages failed"; exit 1; }
mkdir -p "$VIZORA_HOME"; : > "$VIZORA_HOME/stack-tests.log"

check "down when nothing runs is harmless" quietly stack down
refuses_unknown() { ! stack up outbox-relay >/dev/null 2>&1 && none_of_ours_alive; }
check "up refuses what it does not know, and starts nothing" refuses_unknown

# Someone else's server on the Redis port: up must fail, name redis and the port, and stop
# postgres, which it started first.
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no >/dev/null 2>&1 &
occupant=$!
for _ in $(seq 50); do port_in_use "$REDIS_PORT" && break; sleep 0.1; done
port_in_use "$REDIS_PORT" || { echo "stack tests: could not occupy port $REDIS_PORT"; exit 1; }
output=$(stack up 2>&1); status=$?
check "a taken port makes up fail" test "$status" -ne 0
check "the error names the component and the port" grep -q "redis failed to start: port $REDIS_PORT" <<<"$output"
check "what was started before the failure is stopped" all_down
check "no process of the instance is left" none_of_ours_alive
kill "$occupant"; wait "$occupant" 2>/dev/null; occupant=""

# A stale PID file pointing at a live process that is not ours (this shell).
mkdir -p "$STATE/redis"; echo $$ > "$STATE/redis/pid"
check "up succeeds despite a stale PID file" quietly stack up
check "a second up is harmless" quietly stack up
check "every component answers" bash -c "! \"$OPS_DIR/stack.sh\" status | grep -vE '^(command-service|outbox-relay|projector|push-gateway|partner-streams|edge|demo-fleet) ' | grep -qv ' up '"

# An organisation's analyst reads its own rows only, cannot write, and sees rows that arrive later.
source "$SECRETS_FILE"
as() { curl -s --max-time 5 --config <(printf 'user = "%s:%s"\n' "$1" "$2") --data-binary "$3" "http://127.0.0.1:$CH_HTTP_PORT/?database=$4"; }
as_vizora() { as vizora "$CLICKHOUSE_PASSWORD" "$1" vizora; }
as vizora "$CLICKHOUSE_PASSWORD" 'CREATE DATABASE IF NOT EXISTS vizora' default >/dev/null
for migration in "$VIZORA_ROOT"/services/projector/src/main/resources/clickhouse/V{1,2,4}__*.sql; do
  as_vizora "$(grep -v '^--' "$migration")" >/dev/null
done
ours=11111111-2222-3333-4444-555555555555 theirs=99999999-8888-7777-6666-555555555555
as_vizora "INSERT INTO plays (tenant_id, play_id) VALUES ('$ours', 'p1'), ('$theirs', 'p2')" >/dev/null
password=$("$OPS_DIR/clickhouse-analyst.sh" add "$ours" acme 2>>"$VIZORA_HOME/stack-tests.log")
orgdb=org_${ours//-/_}
check "an analyst sees its organisation's rows only" test "$(as acme "$password" 'SELECT tenant_id FROM plays FINAL' "$orgdb")" == "$ours"
as_vizora "INSERT INTO plays (tenant_id, play_id) VALUES ('$ours', 'p3'), ('$theirs', 'p4')" >/dev/null
check "rows that arrive later reach the analyst" test "$(as acme "$password" 'SELECT count() FROM plays FINAL' "$orgdb")" == 2
check "the shared tables are refused" grep -q "Access denied" <<<"$(as acme "$password" 'SELECT count() FROM vizora.plays' "$orgdb")"
check "writing is refused" grep -q "readonly" <<<"$(as acme "$password" "INSERT INTO plays (tenant_id) VALUES ('$ours')" "$orgdb")"
check "the password is stored only as its digest" bash -c "! grep -rqF -- '$password' '$STATE/clickhouse'"
quietly "$OPS_DIR/clickhouse-analyst.sh" remove acme
check "a removed account cannot log in" bash -c "for _ in \$(seq 40); do [[ \$(curl -s --max-time 2 -u 'acme:$password' --data-binary 'SELECT 1' http://127.0.0.1:$CH_HTTP_PORT/) == 1 ]] || exit 0; sleep 0.5; done; exit 1"
check "down stops everything" quietly stack down
check "the process behind the stale PID file was left alone" kill -0 $$
check "no process of the instance is left" none_of_ours_alive
check "a second down is harmless" quietly stack down

(( failures == 0 )) || { echo "stack tests: $failures failed; output: $VIZORA_HOME/stack-tests.log"; exit 1; }
echo "stack tests: passed"
