#!/usr/bin/env bash
# Cold start of the services (ADR 0024), on the bench stack: every service restarted together
# with the class caches that the bench stack's first start recorded, then each service restarted
# alone, ready meaning its health says UP (stack.sh up returns once every part answers). The bench
# stack's own first start, which recorded the caches, is printed by ops/bench.sh beside these.
# Expects ops/bench.sh's environment (VIZORA_INSTANCE and the bench stack up with its services).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STACK="$HERE/../../ops/stack.sh"
SERVICES=(command-service outbox-relay projector push-gateway partner-streams edge)

millis() { echo $(( $(date +%s%N) / 1000000 )); }

# the first clean stop after a build writes each service's cache
"$STACK" down "${SERVICES[@]}" >/dev/null
start=$(millis)
"$STACK" up --services >/dev/null
echo "startup: every service at once, from their class caches: ready after $(( $(millis) - start )) ms"
for service in "${SERVICES[@]}"; do
  "$STACK" down "$service" >/dev/null
  start=$(millis)
  "$STACK" up --services >/dev/null
  echo "startup: $service alone, from its class cache: ready after $(( $(millis) - start )) ms"
done
