#!/usr/bin/env bash
# make bench: builds, starts a stack of its own ('bench' instance) with the services, runs the
# benchmarks against it on loopback, prints the figures, and stops what it started.
set -euo pipefail
OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$OPS_DIR/.." && pwd)
export VIZORA_INSTANCE=bench VIZORA_PORT_OFFSET=300
source "$OPS_DIR/lib/jdk.sh"
select_jdk

# each module writes its runtime classpath to its target/classpath.txt
"$OPS_DIR/mvn.sh" -q -f "$ROOT/pom.xml" -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="$ROOT/benchmarks/target/classpath.txt"
# VIZORA_BENCH=contract, =relay, =api, =projector, =gateway, =analytics, =recovery, =startup or =console runs one part only
want() { [[ ${VIZORA_BENCH:-all} == all || ${VIZORA_BENCH:-all} == "$1" ]]; }
benchmark() { "$JAVA_HOME/bin/java" -Xmx1g -cp "$ROOT/benchmarks/target/classes:$(cat "$classpath")" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "io.vizora.benchmarks.$1"; }

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
echo "command: make bench ($(date -u +%Y-%m-%dT%H:%MZ))"
# the contract check needs no stack: measured first, on quiet cores
if want contract; then benchmark ContractBenchmark; fi
[[ ${VIZORA_BENCH:-all} != contract ]] || exit 0

"$OPS_DIR/console.sh"
# The API benchmark measures the request path, per-user rate limiting (a Redis call) included, but
# not its refusals: one user sends every request, so the limits are raised for this stack only.
export VIZORA_WEB_RATELIMIT_PERUSER_CAPACITY=100000000 VIZORA_WEB_RATELIMIT_PERADDRESS_CAPACITY=100000000
"$OPS_DIR/stack.sh" clean >/dev/null
trap '"$OPS_DIR/stack.sh" down >/dev/null' EXIT
trap 'exit 130' INT TERM
started=$(date +%s%N)
"$OPS_DIR/stack.sh" up --services
services_ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
eval "$("$OPS_DIR/stack.sh" env)"

echo "startup: the bench stack from nothing (its servers, then every service at once, recording their class caches): ready after $services_ready_ms ms"
if want relay; then benchmark OutboxRelayBenchmark; fi
if want api; then
  COMMAND_SERVICE_PORT=$((28080 + VIZORA_PORT_OFFSET)) BARE_PORT=$((28090 + VIZORA_PORT_OFFSET)) "$ROOT/benchmarks/api/run.sh"
fi
if want projector; then echo; benchmark ProjectorBenchmark; fi
if want gateway; then echo; benchmark GatewayBenchmark; fi
if want analytics; then echo; PROJECTOR_PORT=$((28082 + VIZORA_PORT_OFFSET)) COMMAND_SERVICE_PORT=$((28080 + VIZORA_PORT_OFFSET)) benchmark AnalyticsBenchmark; fi
if want recovery; then echo; benchmark RecoveryBenchmark; fi
if want startup; then echo; "$ROOT/benchmarks/startup/run.sh"; fi
if want console; then echo; (cd "$ROOT/console" && node bench/run.mjs); fi
