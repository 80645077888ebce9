#!/usr/bin/env bash
# The player agent (player-agent/target/vizora-agent.jar) on a JDK 21+ chosen like the services':
#   ops/agent.sh run --data-dir ./screen      a screen of its own (pairs, then plays; kiosk page on :8765)
#   ops/agent.sh status --data-dir ./screen   what that screen last said about itself
#   ops/agent.sh --help
set -euo pipefail
OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$OPS_DIR/lib/jdk.sh"
select_jdk
jar="$OPS_DIR/../player-agent/target/vizora-agent.jar"
[[ -f "$jar" ]] || { echo "$jar is missing: run 'make build'" >&2; exit 1; }
[[ "${1:-}" == run ]] || exec "$JAVA_HOME/bin/java" -jar "$jar" "$@"
# 'run' ends with status 75 when a fleet command asks the agent to restart: start it again, as
# systemd's Restart=always does on a screen. TERM and INT reach the agent, which stops its browser.
while :; do
  "$JAVA_HOME/bin/java" -jar "$jar" "$@" &
  agent=$!
  trap 'kill -TERM "$agent" 2>/dev/null; wait "$agent"; exit 143' TERM INT
  status=0
  wait "$agent" || status=$?
  trap - TERM INT
  [[ $status -eq 75 ]] || exit "$status"
  echo "vizora-agent: restarting, as a fleet command asked" >&2
done
