#!/usr/bin/env bash
# Records every event schema whose current text is not yet published as its next revision in
# schemas/published/<type>/<n>.schema.json. The schemas tests then check that today's schema
# still accepts what every earlier revision accepted (backward-transitive compatibility).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
events="$ROOT/schemas/src/main/resources/vizora/events"
published="$ROOT/schemas/published"

find "$events" -mindepth 2 -name '*.schema.json' | sort | while read -r schema; do
  context=$(basename "$(dirname "$schema")")
  file=$(basename "$schema" .schema.json)          # <event>.v<N>
  type="vizora.$context.$file"
  dir="$published/$type"
  mkdir -p "$dir"
  latest=$(ls "$dir" 2>/dev/null | sed 's/\.schema\.json$//' | sort -n | tail -n1)
  if [[ -n "$latest" ]] && cmp -s "$schema" "$dir/$latest.schema.json"; then
    continue
  fi
  next=$(( ${latest:-0} + 1 ))
  cp "$schema" "$dir/$next.schema.json"
  echo "published $type revision $next"
done
