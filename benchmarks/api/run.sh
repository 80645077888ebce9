#!/usr/bin/env bash
# The operator API at 1,000 concurrent in-flight requests (wrk -c1000 on loopback, 15 s each,
# after a warm-up to a plateau at the same concurrency, see warm below):
# the bare WebFlux ceiling, a representative read (GET a playlist) and a representative command
# (create a playlist of three items: checks content, writes two tables and an event to the outbox).
# Expects ops/bench.sh's environment: JAVA_HOME, the bench stack up with the command service, and
# the benchmarks' classpath built. Stops what it starts by PID.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
API="http://127.0.0.1:${COMMAND_SERVICE_PORT:?}"
BARE_PORT=${BARE_PORT:?}
CONNECTIONS=${CONNECTIONS:-1000}
DURATION=${DURATION:-15s}

if ! command -v wrk >/dev/null; then
  sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo -n)
  { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq wrk; } >/dev/null 2>&1 \
    || { echo "error: wrk is missing and could not be installed (apt-get install wrk)" >&2; exit 1; }
fi

field() { grep -o "\"$1\":\"[^\"]*\"" | head -n1 | cut -d'"' -f4; }

run() { # $1 label, $2 url, $3 method, $4 body
  local line
  line=$(WRK_METHOD=$3 WRK_BODY=$4 WRK_TOKEN=${TOKEN:-} wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "$HERE/wrk.lua" "$2" | grep '^RESULT')
  printf '%-44s %s\n' "$1" "${line#RESULT }"
}

"$JAVA_HOME/bin/java" -Xmx512m -cp "$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")" \
  io.vizora.benchmarks.BareWebFlux "$BARE_PORT" >/dev/null 2>&1 &
bare=$!
trap 'kill "$bare" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$BARE_PORT/bare" >/dev/null && break; sleep 0.1; done

email="bench-$RANDOM$RANDOM@example.org"
password="bench password $RANDOM$RANDOM"
curl -sf -H 'Content-Type: application/json' -d "{\"organisationName\":\"Bench\",\"ownerEmail\":\"$email\",\"ownerName\":\"Bench\",\"password\":\"$password\"}" \
  "$API/api/v1/organisations" >/dev/null
TOKEN=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$API/api/v1/auth/login" | field accessToken)
png=$(mktemp)
echo 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' | base64 -d >"$png"
content=$(curl -sf -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/octet-stream" --data-binary "@$png" "$API/api/v1/content?name=bench" | field contentId)
rm -f "$png"
items="[{\"contentId\":\"$content\",\"durationMs\":10000},{\"contentId\":\"$content\",\"durationMs\":5000},{\"contentId\":\"$content\",\"durationMs\":8000}]"
body="{\"name\":\"Bench loop\",\"items\":$items}"
playlist=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$body" "$API/api/v1/playlists" | field playlistId)

# A fresh JVM climbs for minutes at 1,000 in flight while C2 compiles on the same two cores
# (measured 2026-12-06: 196, 406, 611, 783, 918, 1,417 req/s in six consecutive 15 s reads of the
# playlist, then 1.4-2.1k; an early pause in the climb, 724 then 746, fooled a stop at the first
# two rounds within 10%). So each path is warmed at full concurrency for at least a few rounds of
# WARMUP (2 for the bare server, 6 for the service), then until a round is within 10% of the one
# before (at most WARMUP_ROUNDS), and measured at once. Reads are measured before commands: the
# commands' events keep the relay and the folds busy for a while afterwards.
rate() { WRK_METHOD=$2 WRK_BODY=$3 WRK_TOKEN=${TOKEN:-} wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-15s}" --timeout 10s -s "$HERE/wrk.lua" "$1" \
  | grep -o 'rps=[0-9]*' | cut -d= -f2; }
warm() { # $1 url, $2 method, $3 body, $4 fewest rounds
  local previous=0 now round
  for round in $(seq 1 "${WARMUP_ROUNDS:-10}"); do
    now=$(rate "$@")
    echo "  warm-up round $round: $now req/s" >&2
    if (( round >= $4 && now * 10 <= previous * 11 && now * 10 >= previous * 9 )); then return; fi
    previous=$now
  done
}

echo
echo "API at $CONNECTIONS connections, $DURATION each after warm-up to a plateau (wrk -t2; server and load generator share the cores)"
TOKEN='' warm "http://127.0.0.1:$BARE_PORT/bare" GET "" 2
TOKEN='' run "ceiling: bare WebFlux GET 100-byte JSON" "http://127.0.0.1:$BARE_PORT/bare" GET ""
warm "$API/api/v1/playlists/$playlist" GET "" 6
run "read: GET /api/v1/playlists/{id}" "$API/api/v1/playlists/$playlist" GET ""
warm "$API/api/v1/playlists" POST "$body" 6
run "command: POST /api/v1/playlists (3 items)" "$API/api/v1/playlists" POST "$body"
