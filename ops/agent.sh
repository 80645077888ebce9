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
exec "$JAVA_HOME/bin/java" -jar "$jar" "$@"
