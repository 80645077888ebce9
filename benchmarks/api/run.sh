#!/usr/bin/env bash
# The operator API at 1,000 concurrent in-flight requests (wrk -c1000 on loopback, 15 s each,
# after 10 s of warm-up per path at 100 connections):
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

# a fresh JVM runs interpreted for a while: warm every path up before anything is measured
warm() { WRK_METHOD=$2 WRK_BODY=$3 WRK_TOKEN=${TOKEN:-} wrk -t2 -c100 -d"${WARMUP:-10s}" -s "$HERE/wrk.lua" "$1" >/dev/null; }
TOKEN='' warm "http://127.0.0.1:$BARE_PORT/bare" GET ""
warm "$API/api/v1/playlists/$playlist" GET ""
warm "$API/api/v1/playlists" POST "$body"

echo
echo "API at $CONNECTIONS connections, $DURATION each (wrk -t2; server and load generator share the cores)"
TOKEN='' run "ceiling: bare WebFlux GET 100-byte JSON" "http://127.0.0.1:$BARE_PORT/bare" GET ""
run "read: GET /api/v1/playlists/{id}" "$API/api/v1/playlists/$playlist" GET ""
run "command: POST /api/v1/playlists (3 items)" "$API/api/v1/playlists" POST "$body"
