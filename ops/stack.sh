#!/usr/bin/env bash
# Vizora's local stack: real servers on loopback, installed and started by the project itself,
# without Docker (ADR/0001-local-stack.md).
#
#   ops/stack.sh install           install missing packages and fetch server jars, start nothing
#   ops/stack.sh install-browser   install Debian's Chromium, for the tests that look at screens
#   ops/stack.sh up [--services [--demo]]  start what is not running, wait until every part answers
#   ops/stack.sh down [component]  stop exactly the processes this stack started, by PID
#   ops/stack.sh status            one line per component: name, state, endpoint
#   ops/stack.sh logs [component]  follow the logs
#   ops/stack.sh env               the endpoints and credentials, as shell exports
#   ops/stack.sh clean             stop, then remove this instance's state
#
# VIZORA_INSTANCE=run (default, make run/up) or test (make test) selects ports and state dir;
# any other instance name needs VIZORA_PORT_OFFSET.
set -euo pipefail
OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$OPS_DIR/lib/common.sh"
source "$OPS_DIR/lib/jdk.sh"
for component_file in "$OPS_DIR"/components/*.sh; do source "$component_file"; done

INFRA=(postgres redis clickhouse kafka s3)
SERVICES=(command-service outbox-relay projector push-gateway partner-streams edge)   # in start order: the command service migrates the outbox, the relay creates the topics; the edge routes to the rest
DEMO=(demo-fleet)   # simulated screens; make run starts them (up --demo)
ALL=("${INFRA[@]}" "${SERVICES[@]}" "${DEMO[@]}")

call() { local fn="${1//-/_}_$2"; shift 2; "$fn" "$@"; }
has()  { declare -F "${1//-/_}_$2" >/dev/null; }

STARTED=()   # what this invocation started: exactly what a failure must roll back

fail_start() { # $1 component, $2 reason
  local log; log=$(call "$1" log)
  printf '\nerror: %s failed to start: %s\n       its log: %s\n' "$1" "$2" "$log" >&2
  [[ -f "$log" ]] && { echo "------ last lines of $log" >&2; tail -n 15 "$log" >&2; echo "------" >&2; }
  # a service's standard output (ADR 0037): what came before its log started, if anything
  [[ -s "${log%.log}.out" ]] && { echo "------ last lines of ${log%.log}.out" >&2; tail -n 15 "${log%.log}.out" >&2; echo "------" >&2; }
  if (( ${#STARTED[@]} )); then
    echo "stopping what this start began: ${STARTED[*]}" >&2
    local i
    for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do stop_component "${STARTED[i]}" >&2; done
  fi
  exit 1
}

install_missing_packages() {
  local c missing=()
  for c in "$@"; do missing+=($(call "$c" packages)); done
  (( ${#missing[@]} )) || return 0
  say "installing Debian packages: ${missing[*]}"
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo -n)
  local log="$VIZORA_HOME/apt.log"
  mkdir -p "$VIZORA_HOME"
  if ! { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1; then
    tail -n 15 "$log" >&2
    die "could not install ${missing[*]} (needed by the local stack); apt's output: $log"
  fi
}

# Server jars come from Maven Central through Maven, with the versions the parent pom pins;
# a stamp of both poms refetches them when a version changes.
fetch_tools() { # $1 kafka | s3proxy
  local dest="$TOOLS_DIR/$1" stamp
  stamp=$(cat "$VIZORA_ROOT/pom.xml" "$OPS_DIR/tools/pom.xml" | sha256sum | cut -d' ' -f1)
  [[ -f "$dest/.stamp" && $(cat "$dest/.stamp") == "$stamp" ]] && return 0
  say "fetching $1 from Maven Central"
  rm -rf "$dest"; mkdir -p "$dest"
  maven_opts
  if ! mvn -B -q -f "$OPS_DIR/tools/pom.xml" -P "$1" dependency:copy-dependencies \
      -DoutputDirectory="$dest" -DincludeScope=runtime >"$dest.log" 2>&1; then
    tail -n 15 "$dest.log" >&2
    die "could not fetch $1 from Maven Central; Maven's output: $dest.log"
  fi
  echo "$stamp" > "$dest/.stamp"
}

start_component() {
  local c=$1 pid port stale
  if pid=$(alive_pid "$c"); then say "  $c already up (pid $pid)"; return 0; fi
  stale=$(recorded_pid "$c") || true
  if [[ -n "$stale" ]]; then say "  $c: ignoring stale PID file (pid $stale is not ours or not running)"; rm -f "$STATE/$c/pid"; fi
  for port in $(call "$c" ports); do
    port_in_use "$port" && fail_start "$c" "port $port on 127.0.0.1 is already taken by another process (set VIZORA_PORT_OFFSET to move the whole stack)"
  done
  mkdir -p "$STATE/$c"
  call "$c" start || fail_start "$c" "its start command failed"
  STARTED+=("$c")
}

await_component() {
  local c=$1 started=$SECONDS timeout pid
  timeout=$(call "$c" timeout)
  printf '  waiting for %-16s' "$c"
  until call "$c" probe; do
    pid=$(recorded_pid "$c") || true
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then fail_start "$c" "the process exited"; fi
    (( SECONDS - started < timeout )) || fail_start "$c" "no answer on its protocol within ${timeout}s"
    printf '.'
    sleep 0.5
  done
  call "$c" ready || fail_start "$c" "it answered, but setting it up failed"
  printf ' up (%ss)\n' $((SECONDS - started))
}

install_components() {
  local c
  install_missing_packages "$@"
  for c in "$@"; do has "$c" install && { call "$c" install || fail_start "$c" "installing it failed"; }; done
}

bring_up() {
  local c
  install_components "$@"
  local before=${#STARTED[@]}
  for c in "$@"; do start_component "$c"; done
  for c in "${STARTED[@]:before}"; do await_component "$c"; done
}

write_env_file() {
  ( umask 077
    cat > "$ENV_FILE" <<ENV
VIZORA_POSTGRES_HOST=127.0.0.1
VIZORA_POSTGRES_PORT=$PG_PORT
VIZORA_POSTGRES_DATABASE=vizora
VIZORA_PROJECTOR_POSTGRES_DATABASE=vizora_projector
VIZORA_PARTNER_POSTGRES_DATABASE=vizora_partner
VIZORA_POSTGRES_USER=vizora
VIZORA_POSTGRES_PASSWORD=$POSTGRES_PASSWORD
VIZORA_REDIS_HOST=127.0.0.1
VIZORA_REDIS_PORT=$REDIS_PORT
VIZORA_REDIS_PASSWORD=$REDIS_PASSWORD
VIZORA_CLICKHOUSE_URL=http://127.0.0.1:$CH_HTTP_PORT
VIZORA_CLICKHOUSE_DATABASE=vizora
VIZORA_CLICKHOUSE_USER=vizora
VIZORA_CLICKHOUSE_PASSWORD=$CLICKHOUSE_PASSWORD
VIZORA_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
VIZORA_S3_ENDPOINT=http://127.0.0.1:$S3_PORT
VIZORA_S3_ACCESS_KEY=$S3_ACCESS_KEY
VIZORA_S3_SECRET_KEY=$S3_SECRET_KEY
VIZORA_S3_BUCKET=$S3_BUCKET
VIZORA_JWT_KEY_ENCRYPTION_SECRET=$JWT_KEY_ENCRYPTION_SECRET
VIZORA_JWKS_URI=http://127.0.0.1:$COMMAND_SERVICE_PORT/.well-known/jwks.json
VIZORA_EDGE_COMMAND_SERVICE=http://127.0.0.1:$COMMAND_SERVICE_PORT
VIZORA_EDGE_PROJECTOR=http://127.0.0.1:$PROJECTOR_PORT
VIZORA_EDGE_PUSH_GATEWAY=http://127.0.0.1:$PUSH_GATEWAY_PORT
VIZORA_EDGE_PARTNER_STREAMS=http://127.0.0.1:$PARTNER_STREAMS_PORT
VIZORA_EDGE_CONSOLE_DIR=$VIZORA_ROOT/console/dist
ENV
  )
}

cmd_up() {
  local with_services=false with_demo=false
  case "$*" in
    "") ;;
    --services) with_services=true ;;
    "--services --demo") with_services=true; [[ "${VIZORA_DEMO_SCREENS:-10}" -gt 0 ]] && with_demo=true ;;
    # a service's name here once started only the servers, silently
    *) die "up takes [--services [--demo]], not '$*': it starts whatever of those is not running, so 'up --services' starts a service stopped with 'down <service>'" ;;
  esac
  select_jdk
  ensure_secrets
  say "vizora stack '$VIZORA_INSTANCE' (state: $STATE)"
  bring_up "${INFRA[@]}"
  write_env_file
  if $with_services; then bring_up "${SERVICES[@]}"; fi
  if $with_demo; then bring_up "${DEMO[@]}"; fi
  cmd_status
}

stop_component() {
  local c=$1 pid signal
  if pid=$(alive_pid "$c"); then
    signal=$(call "$c" stop_signal)
    # clean removes a service's state with the instance: nothing of it is worth writing at exit,
    # not even its class cache (ADR 0024), which takes the longest
    if [[ -n ${DISCARDING:-} && " ${SERVICES[*]} ${DEMO[*]} " == *" $c "* ]]; then signal=KILL; fi
    if has "$c" stop; then call "$c" stop; else stop_pid "$c" "$pid" "$signal"; fi
    say "  stopped $c (pid $pid)"
  fi
  rm -f "$STATE/$c/pid"
}

cmd_down() {
  local c
  for c in "$@"; do has "$c" owns || die "no such component: $c (one of: ${ALL[*]})"; done
  # the screens and services at once (a service's first clean stop writes its class cache, ADR
  # 0024), then the servers they used, also at once: no server depends on another
  stop_all "$*" "${DEMO[@]}" "${SERVICES[@]}"
  stop_all "$*" "${INFRA[@]}"
}

stop_all() { # $1 the components asked for (all if empty), rest: components to stop in parallel if asked for
  local wanted=$1 c i stopping=()
  shift
  for c in "$@"; do
    if [[ -z "$wanted" || " $wanted " == *" $c "* ]]; then stop_component "$c" & stopping+=($!); fi
  done
  for i in "${stopping[@]}"; do wait "$i"; done
}

cmd_status() {
  local c state
  [[ -f "$SECRETS_FILE" ]] && source "$SECRETS_FILE"
  for c in "${ALL[@]}"; do
    if alive_pid "$c" >/dev/null; then
      if call "$c" probe; then state=up; else state=unhealthy; fi
    else
      state=down
    fi
    printf '%-16s %-9s %s\n' "$c" "$state" "$(call "$c" endpoint)"
  done
}

cmd_logs() {
  local files=() c
  for c in "${@:-${ALL[@]}}"; do
    has "$c" log || die "no such component: $c (one of: ${ALL[*]})"
    [[ -f "$(call "$c" log)" ]] && files+=("$(call "$c" log)")
  done
  (( ${#files[@]} )) || die "no logs yet in $STATE"
  exec tail -n 20 -F "${files[@]}"
}

cmd_env() {
  [[ -f "$ENV_FILE" ]] || die "the '$VIZORA_INSTANCE' stack has not been started (no $ENV_FILE)"
  sed 's/^/export /' "$ENV_FILE"
}

# Read models are disposable (guarantee 4, docs/architecture.md): the projector's schema is dropped
# and the projector started again; the new schema gets a new consumer-group generation that replays
# every topic.
cmd_rebuild() {
  [[ ${1:-} == projector ]] || die "usage: ops/stack.sh rebuild projector"
  select_jdk
  alive_pid postgres >/dev/null || die "postgres is not running; start the stack first (make up)"
  stop_component projector
  postgres_psql -d vizora_projector -c 'SET client_min_messages = warning' -c 'DROP SCHEMA IF EXISTS projector CASCADE' >/dev/null
  say "dropped the projector's read models (schema projector); replaying every topic into new ones"
  bring_up projector
  say "projector up: it folds the topics from the beginning and recompiles every manifest"
}

cmd_clean() {
  DISCARDING=1 cmd_down
  local cluster="$STATE/postgres/cluster"
  [[ -L "$cluster" ]] && rm -rf "$(readlink -f "$cluster")"
  rm -rf "$STATE"
  say "removed $STATE"
}

verb=${1:-}; shift || true
case "$verb" in
  up)     cmd_up "$@" ;;
  install) select_jdk; install_components "${INFRA[@]}" ;;
  install-browser) install_missing_packages browser ;;
  down)   cmd_down "$@" ;;
  status) cmd_status ;;
  logs)   cmd_logs "$@" ;;
  env)    cmd_env ;;
  clean)  cmd_clean ;;
  rebuild) cmd_rebuild "$@" ;;
  *) echo "usage: ops/stack.sh install | install-browser | up [--services [--demo]] | down [component...] | status | logs [component] | env | clean | rebuild projector" >&2; exit 2 ;;
esac
