#!/usr/bin/env bash
# Records every event schema whose current text is not yet published as its next revision in
# schemas/published/<type>/<n>.schema.json, and every device protocol schema (the manifest, the
# socket's messages) in schemas/published/device/<name>/<n>.schema.json. The schemas tests then
# check that today's schema still accepts what every earlier revision accepted
# (backward-transitive compatibility).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
events="$ROOT/schemas/src/main/resources/vizora/events"
published="$ROOT/schemas/published"

publish() {  # <schema file> <directory of its revisions> <name to report>
  local schema=$1 dir=$2 type=$3 latest next
  mkdir -p "$dir"
  latest=$(ls "$dir" 2>/dev/null | sed 's/\.schema\.json$//' | sort -n | tail -n1)
  if [[ -n "$latest" ]] && cmp -s "$schema" "$dir/$latest.schema.json"; then
    return
  fi
  next=$(( ${latest:-0} + 1 ))
  cp "$schema" "$dir/$next.schema.json"
  echo "published $type revision $next"
}

find "$events" -mindepth 2 -name '*.schema.json' | sort | while read -r schema; do
  context=$(basename "$(dirname "$schema")")
  file=$(basename "$schema" .schema.json)          # <event>.v<N>
  publish "$schema" "$published/vizora.$context.$file" "vizora.$context.$file"
done

device="$ROOT/schemas/src/main/resources/vizora/device"
find "$device" -name '*.schema.json' | sort | while read -r schema; do
  name=$(realpath --relative-to="$device" "$schema" | sed 's/\.schema\.json$//; s#/#.#g')   # manifest.v1, messages.hello.v1
  publish "$schema" "$published/device/$name" "device $name"
done
