#!/usr/bin/env bash
# Builds the console (console/ → console/dist, served by the edge) with this machine's Node.js and
# npm from the committed lockfile; nothing downloads Node. `ops/console.sh test` also runs its
# component tests. Node 20.19 or newer is needed: installed from Debian if missing or older.
set -euo pipefail
OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CONSOLE=$(cd "$OPS_DIR/../console" && pwd)

node_is_recent() {
  command -v node >/dev/null && command -v npm >/dev/null \
    && node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'
}
if ! node_is_recent; then
  echo "console: Node.js 20.19+ and npm are needed; installing Debian's nodejs and npm" >&2
  apt-get install -y -qq nodejs npm >/dev/null
  node_is_recent || { echo "error: Node.js $(node --version 2>/dev/null || echo none) is older than 20.19; install Node 20.19+ and npm" >&2; exit 1; }
fi

cd "$CONSOLE"
# the lockfile decides; node_modules is kept while it was installed from this lockfile
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build
if [[ "${1:-}" == test ]]; then
  npm run --silent test
fi
