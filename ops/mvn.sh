#!/usr/bin/env bash
# Maven on a JDK 21+ chosen by the project, whatever the shell's default java is.
set -euo pipefail
OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$OPS_DIR/lib/jdk.sh"
select_jdk
maven_opts
cd "$OPS_DIR/.."
exec mvn -B "$@"
