#!/usr/bin/env bash
# make test: the whole suite against a real stack of its own ('test' instance: own ports and
# state), so a running 'make run' is never disturbed. A stack it started, it stops, pass or fail.
set -euo pipefail
OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$OPS_DIR/.." && pwd)
started=$(date +%s)

"$OPS_DIR/tests/stack-tests.sh"
"$OPS_DIR/stack.sh" install-browser   # the end-to-end tests look at kiosk pages in Chromium

export VIZORA_INSTANCE=test
if VIZORA_INSTANCE=test "$OPS_DIR/stack.sh" status | grep -qv ' down '; then
  echo "make test: reusing the test stack that is already running"
else
  "$OPS_DIR/stack.sh" clean >/dev/null
  trap '"$OPS_DIR/stack.sh" down' EXIT
  trap 'exit 130' INT TERM
  "$OPS_DIR/stack.sh" up
fi
eval "$("$OPS_DIR/stack.sh" env)"

"$OPS_DIR/console.sh" test   # the edge serves console/dist to the browser tests
"$OPS_DIR/mvn.sh" -f "$ROOT/pom.xml" clean verify
echo "make test: passed in $(( $(date +%s) - started ))s"
