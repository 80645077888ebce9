# Shared by ops/*.sh: where state lives, which ports an instance uses, logging, process control.
# Two instances never share anything: "run" (make run / make up) and "test" (make test).

VIZORA_ROOT=$(cd "$OPS_DIR/.." && pwd -P)
VIZORA_INSTANCE=${VIZORA_INSTANCE:-run}
[[ "$VIZORA_INSTANCE" =~ ^[a-z0-9-]+$ ]] || { echo "error: VIZORA_INSTANCE must be a lowercase name, not '$VIZORA_INSTANCE'" >&2; exit 2; }
case "$VIZORA_INSTANCE" in
  run)  default_offset=0 ;;
  test) default_offset=100 ;;
  *)    default_offset="" ;;
esac
PORT_OFFSET=${VIZORA_PORT_OFFSET:-$default_offset}
[[ "$PORT_OFFSET" =~ ^[0-9]+$ && "$PORT_OFFSET" -le 2000 ]] ||
  { echo "error: instance '$VIZORA_INSTANCE' needs VIZORA_PORT_OFFSET, a number from 0 to 2000" >&2; exit 2; }

VIZORA_HOME="$VIZORA_ROOT/.vizora"          # git-ignored; make clean removes it
TOOLS_DIR="$VIZORA_HOME/tools"               # server jars fetched from Maven Central
STATE="$VIZORA_HOME/$VIZORA_INSTANCE"        # data, config, logs and PIDs of one instance
SECRETS_FILE="$STATE/secrets.env"
ENV_FILE="$STATE/stack.env"

# Below the Linux ephemeral range (32768+), so outgoing connections never take them.
PG_PORT=$((25432 + PORT_OFFSET))
REDIS_PORT=$((26379 + PORT_OFFSET))
CH_HTTP_PORT=$((28123 + PORT_OFFSET))
CH_TCP_PORT=$((29000 + PORT_OFFSET))
KAFKA_PORT=$((29092 + PORT_OFFSET))
KAFKA_CONTROLLER_PORT=$((29093 + PORT_OFFSET))
S3_PORT=$((29900 + PORT_OFFSET))
COMMAND_SERVICE_PORT=$((28080 + PORT_OFFSET))
OUTBOX_RELAY_PORT=$((28081 + PORT_OFFSET))
PROJECTOR_PORT=$((28082 + PORT_OFFSET))
PUSH_GATEWAY_PORT=$((28083 + PORT_OFFSET))
PARTNER_STREAMS_PORT=$((28084 + PORT_OFFSET))
EDGE_PORT=$((28085 + PORT_OFFSET))

S3_BUCKET=vizora-content

say()  { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

random_secret() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32; }

# Secrets are made once per instance, kept in a 0600 file in the state dir, never printed.
ensure_secrets() {
  mkdir -p "$STATE"
  if [[ ! -s "$SECRETS_FILE" ]]; then
    ( umask 077
      { echo "POSTGRES_PASSWORD=$(random_secret)"
        echo "REDIS_PASSWORD=$(random_secret)"
        echo "CLICKHOUSE_PASSWORD=$(random_secret)"
        echo "CLICKHOUSE_ANALYST_PASSWORD=$(random_secret)"
        echo "S3_ACCESS_KEY=vizora-$(random_secret | head -c 12)"
        echo "S3_SECRET_KEY=$(random_secret)"
      } > "$SECRETS_FILE" )
  fi
  # secrets added after an instance was first created
  grep -q '^JWT_KEY_ENCRYPTION_SECRET=' "$SECRETS_FILE" || echo "JWT_KEY_ENCRYPTION_SECRET=$(random_secret)" >> "$SECRETS_FILE"
  # shellcheck disable=SC1090
  source "$SECRETS_FILE"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A PID file is trusted only if its process is alive and is really the one we started
# (PIDs get reused): each component says how to recognise its own process.
recorded_pid() { # $1 component; the PID on record, alive or not
  local fn="${1//-/_}"
  if declare -F "${fn}_pid" >/dev/null; then "${fn}_pid"; else head -n1 "$STATE/$1/pid" 2>/dev/null; fi
}

alive_pid() { # $1 component
  local pid; pid=$(recorded_pid "$1") || true
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && "${1//-/_}_owns" "$pid" || return 1
  echo "$pid"
}

cmdline_of() { tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null; }
cmdline_has() { [[ "$(cmdline_of "$1")" == *"$2"* ]]; }

# Starts a long-running server detached from the terminal (own session, so Ctrl-C in
# make run reaches only the script, which then stops everything in order).
spawn() { # $1 component, $2 log file, rest: command
  local comp=$1 log=$2; shift 2
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! > "$STATE/$comp/pid"
}

stop_pid() { # $1 component, $2 pid, $3 signal
  local i
  kill "-$3" "$2" 2>/dev/null || return 0
  # a service's first clean stop writes its class cache (ADR 0024): over a minute when every service stops at once
  for ((i = 0; i < 1200; i++)); do
    kill -0 "$2" 2>/dev/null || { report_crash "$1" "$2"; return 0; }
    sleep 0.1
  done
  warn "$1 (pid $2) did not stop within 120 s; killing it"
  kill -KILL "$2" 2>/dev/null || true
}

# A JVM that crashed (its report is written where start_service told it to) is said so, not
# taken for a clean stop.
report_crash() { # $1 component, $2 pid
  local report="$STATE/$1/hs_err_pid$2.log"
  [[ -f "$report" ]] || return 0
  warn "$1 (pid $2) crashed: $(grep -m1 -A1 'Problematic frame' "$report" | tail -n1 | cut -c1-120); report: $report"
}

# Spring Boot services of the project, run from their jars with the stack's endpoints.
require_jar() {
  [[ -f "$1" ]] || { echo "$1 is missing: run 'make build'" >&2; return 1; }
}

# A service runs from its jar extracted (classes read from plain jars, not nested ones) with a
# class cache (ADR 0024): a start without one records the classes it loads and writes the cache
# when the service stops cleanly; every later start maps them instead of loading them. A rebuilt
# jar is extracted again and records a new cache. -Dvizora.built names the jar it came from, so
# the stack (and ps) can tell the process apart.
start_service() { # $1 component, $2 jar, $3 port
  local dir="$STATE/$1" app="$STATE/$1/app"
  local jar="$app/${2##*/}"
  mkdir -p "$dir"
  if [[ ! -f "$jar" || "$2" -nt "$jar" ]]; then
    rm -rf "$app" "$dir/classes.aot" "$dir/classes.jsa"
    "$JAVA_HOME/bin/java" -Djarmode=tools -jar "$2" extract --destination "$app" >/dev/null
  fi
  local cache=
  if [[ "${VIZORA_CLASS_CACHE:-on}" == off ]]; then
    :
  elif [[ $(jdk_major "$JAVA_HOME") -ge 25 ]]; then
    # Recording without method profiles (-AOTRecordTraining): JDK 25.0.3 crashed in
    # MethodTrainingData::cleanup while writing the cache of services that had run for minutes,
    # which left no cache at all; the profiles speed up warm-up, not the start the cache is for.
    if [[ -s "$dir/classes.aot" ]]; then cache=-XX:AOTCache="$dir/classes.aot"
    else cache="-XX:AOTCacheOutput=$dir/classes.aot -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining"; fi
  else
    cache="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$dir/classes.jsa"
  fi
  # VIZORA_KAFKA_MEMBER: a restarted service takes its consumers' partitions back at once (ADR 0022)
  # shellcheck disable=SC2086  # $cache is one or more flags
  # The service writes its own log, rolled and capped (ADR 0037): one access line per request
  # grew a benchmarked service's log to 2 GB. Standard output keeps only what comes before
  # logging starts or bypasses it (the JVM's own warnings, a crash).
  ( set -a; source "$ENV_FILE"; SERVER_PORT=$3; VIZORA_KAFKA_MEMBER=$1
    LOGGING_FILE_NAME="$dir/$1.log" LOGGING_STRUCTURED_FORMAT_FILE=ecs LOGGING_THRESHOLD_CONSOLE=OFF
    LOGGING_LOGBACK_ROLLINGPOLICY_MAX_FILE_SIZE=${VIZORA_LOG_FILE_SIZE:-20MB}
    LOGGING_LOGBACK_ROLLINGPOLICY_TOTAL_SIZE_CAP=${VIZORA_LOG_TOTAL_SIZE:-200MB}
    set +a
    spawn "$1" "$dir/$1.out" "$JAVA_HOME/bin/java" -Xmx384m --enable-native-access=ALL-UNNAMED -XX:ErrorFile="$dir/hs_err_pid%p.log" $cache -Dvizora.built="$2" -jar "$jar" )
}

service_is_up() { # $1 port
  curl -sf --max-time 2 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"'
}
