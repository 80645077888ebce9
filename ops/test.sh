#!/usr/bin/env bash
# make test: the whole suite against a real stack of its own ('test' instance: own ports and
# state), so a running 'make run' is never disturbed. A stack it started, it stops, pass or fail.
set -euo pipefail
OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$OPS_DIR/.." && pwd)
started=$(date +%s)

# what is installed first, one package install at a time (apt takes one at once); then the stack
# script's own tests and the console's build and tests run while the test stack starts: they
# mostly wait for servers to start, and each uses its own instance and ports
"$OPS_DIR/stack.sh" install
"$OPS_DIR/stack.sh" install-browser   # the end-to-end tests look at kiosk pages in Chromium
mkdir -p "$ROOT/target"
"$OPS_DIR/tests/stack-tests.sh" > "$ROOT/target/stack-tests.log" 2>&1 & stack_tests=$!
"$OPS_DIR/console.sh" test > "$ROOT/target/console-tests.log" 2>&1 & console_tests=$!   # the edge serves console/dist to the browser tests
side_by_side() { # $1 pid, $2 log: waits for it, shows its output, and fails if it failed
  local status=0
  wait "$1" || status=$?
  cat "$2"
  return "$status"
}

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
side_by_side "$stack_tests" "$ROOT/target/stack-tests.log"
side_by_side "$console_tests" "$ROOT/target/console-tests.log"

"$OPS_DIR/mvn.sh" -f "$ROOT/pom.xml" clean verify
echo "make test: passed in $(( $(date +%s) - started ))s"
