#!/usr/bin/env bash
# make run: build, bring up the stack and the services, stay in the foreground following the
# services' logs; Ctrl-C stops what this run started (and leaves what was already running).
set -euo pipefail
OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export VIZORA_INSTANCE=run
source "$OPS_DIR/lib/common.sh"
stack() { "$OPS_DIR/stack.sh" "$@"; }

"$OPS_DIR/mvn.sh" -q -DskipTests package
"$OPS_DIR/console.sh"

already_up=$(stack status | awk '$2 != "down" {print $1}')
follower=""
stop_started() {
  # Stop everything even if interrupted again or if the terminal goes away: make exits at the
  # first Ctrl-C, and a closing terminal sends a hangup.
  trap - EXIT
  trap '' INT TERM HUP PIPE
  set +e
  [[ -n "$follower" ]] && kill "$follower" 2>/dev/null
  local c started=()
  for c in $(stack status | awk '$2 != "down" {print $1}'); do
    grep -qx "$c" <<<"$already_up" || started+=("$c")
  done
  echo
  if (( ${#started[@]} )); then echo "stopping ${started[*]}"; stack down "${started[@]}"; fi
  exit 0
}
trap stop_started INT TERM HUP EXIT

stack up --services --demo
demo_account="$STATE/demo-fleet/demo-operator.json"
demo_email=$(sed -n 's/.*"email":"\([^"]*\)".*/\1/p' "$demo_account" 2>/dev/null || true)
cat <<TEXT

Console:      http://127.0.0.1:$EDGE_PORT/  (the edge: the console and every API on one origin)
              demo operator: ${demo_email:-none (VIZORA_DEMO_SCREENS=0)}; its password: sed -n 's/.*"password":"\([^"]*\)".*/\1/p' $demo_account

Vizora is running. Operator API: http://127.0.0.1:$COMMAND_SERVICE_PORT (health: /actuator/health)
Outbox relay: http://127.0.0.1:$OUTBOX_RELAY_PORT/actuator/health, metrics at /actuator/prometheus
Projector:    http://127.0.0.1:$PROJECTOR_PORT/actuator/health (read API under /api/v1)
Push gateway: ws://127.0.0.1:$PUSH_GATEWAY_PORT/device/v1/socket (health: /actuator/health)
Partner streams: http://127.0.0.1:$PARTNER_STREAMS_PORT/partner/v1/events (API key), webhooks at /api/v1/webhooks
Demo fleet:   ${VIZORA_DEMO_SCREENS:-10} simulated screens playing a demo campaign (VIZORA_DEMO_SCREENS=0 for none);
              the demo operator's login is in $STATE/demo-fleet/demo-operator.json; a screen's state:
              ops/agent.sh status --data-dir $STATE/demo-fleet/screen-00001
Credentials for the servers above: .vizora/run/stack.env (eval "\$(ops/stack.sh env)")
Following the service logs; Ctrl-C stops everything this run started.

TEXT
tail -n 0 -F "$STATE/command-service/command-service.log" "$STATE/outbox-relay/outbox-relay.log" "$STATE/projector/projector.log" "$STATE/push-gateway/push-gateway.log" "$STATE/partner-streams/partner-streams.log" "$STATE/edge/edge.log" "$STATE/demo-fleet/demo-fleet.log" &
follower=$!
wait "$follower"
