#!/usr/bin/env bash
# Read-only ClickHouse accounts for an organisation's analysts (docs/analysts.md):
#
#   ops/clickhouse-analyst.sh add <organisation-uuid> <name>   make account <name>; prints its password once
#   ops/clickhouse-analyst.sh list                             the accounts: name, organisation, database
#   ops/clickhouse-analyst.sh remove <name>                    delete the account (and the copy, if its last)
#   ops/clickhouse-analyst.sh sync                             bring every organisation's copy up to date
#                                                              (after a migration added a table or a column)
#
# ClickHouse 18.16 has no row filters (users.xml <databases> filters are silently ignored), and its
# views check the reader's access to the tables they read. So each organisation with an analyst gets
# a database org_<uuid> holding copies of its rows: for every table below, a table of the same
# definition, filled from vizora.<table> at creation and then by a materialized view
# vizora_feeds.org_<uuid>__<table> (filter tenant_id = '<uuid>') on every insert. The account may read
# that database only (<allow_databases>), with readonly=1. Accounts are files users.d/analyst-<name>.xml
# beside the generated users.xml: ClickHouse merges them into it and rereads both within seconds,
# and ops/stack.sh up, which rewrites users.xml, leaves them alone. Only the password's sha256 is
# stored. VIZORA_INSTANCE selects the stack as for ops/stack.sh (default: run).
set -euo pipefail
OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$OPS_DIR/lib/common.sh"
source "$OPS_DIR/components/clickhouse.sh"

# Tables copied per organisation: written by INSERT (an insert made by another materialized view does
# not trigger views on 18.16), with a tenant_id column and a Replacing engine keyed by an id, so rows
# copied twice while a copy is made collapse, and FINAL reads exactly.
TABLES=(plays health_samples planned_slices)
FEEDS_DB=vizora_feeds
PROFILE=tenant_analyst
CH_DIR="$STATE/clickhouse"
USERS_D="$CH_DIR/users.d"
RESERVED=(default vizora analyst readonly)

usage() {
  echo "usage: ops/clickhouse-analyst.sh add <organisation-uuid> <name> | list | remove <name> | sync" >&2
  exit 2
}

ch() { # $1 SQL, run as vizora over HTTP; prints the answer, or dies with ClickHouse's message
  local out code
  out=$(curl -sS --max-time 900 --config <(printf 'user = "vizora:%s"\n' "$CLICKHOUSE_PASSWORD") \
        --data-binary "$1" -w '\n%{http_code}' "http://127.0.0.1:$CH_HTTP_PORT/") ||
    die "ClickHouse of the '$VIZORA_INSTANCE' stack does not answer on 127.0.0.1:$CH_HTTP_PORT; start it (ops/stack.sh up)"
  code=${out##*$'\n'}
  out=${out%$'\n'*}
  [[ "$code" == 200 ]] || die "ClickHouse refused: $(head -c 400 <<<"$out")"
  printf '%s' "$out"
}

answers_as() { # $1 user, $2 password: does that account log in?
  [[ $(curl -s --max-time 5 --config <(printf 'user = "%s:%s"\n' "$1" "$2") \
        --data-binary 'SELECT 1' "http://127.0.0.1:$CH_HTTP_PORT/" 2>/dev/null) == 1 ]]
}

known_to_server() { # $1 user: true while ClickHouse still knows the account
  local out
  out=$(curl -s --max-time 5 --config <(printf 'user = "%s:-"\n' "$1") --data-binary 'SELECT 1' \
        "http://127.0.0.1:$CH_HTTP_PORT/" 2>/dev/null) || true
  [[ "$out" != *"Unknown user"* ]]
}

organisation_db() { echo "org_${1//-/_}"; }   # a UUID's hyphens become underscores
user_file() { echo "$USERS_D/analyst-$1.xml"; }
file_field() { sed -n "s/.*vizora-analyst .*$2=\([^ ]*\).*/\1/p" "$1" | head -n1; }   # $1 file, $2 key

valid_uuid() { [[ "$1" =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]]; }
valid_name() { [[ "$1" =~ ^[a-z][a-z0-9_]{1,31}$ && "$1" != xml* ]]; }

# One table's copy for one organisation: made, or remade when the source's columns changed.
ensure_copy() { # $1 organisation uuid, $2 table
  local org=$1 t=$2 db feed cols src
  db=$(organisation_db "$org"); feed="$FEEDS_DB.${db}__$t"
  src=$(ch "DESCRIBE TABLE vizora.$t" | cut -f1,2)
  if [[ $(ch "EXISTS TABLE $db.$t") == 1 && $(ch "EXISTS TABLE $feed") == 1 &&
        $(ch "DESCRIBE TABLE $db.$t" | cut -f1,2) == "$src" ]]; then
    return 0
  fi
  cols=$(cut -f1 <<<"$src" | paste -sd, -)   # named, not *: a column added to the source later cannot break its inserts
  ch "DROP TABLE IF EXISTS $feed" >/dev/null
  ch "DROP TABLE IF EXISTS $db.$t" >/dev/null
  ch "CREATE TABLE $db.$t AS vizora.$t" >/dev/null
  # the feed first, then the rows already there: a batch landing in between is copied twice and collapses
  ch "CREATE MATERIALIZED VIEW $feed TO $db.$t AS SELECT $cols FROM vizora.$t WHERE tenant_id = '$org'" >/dev/null
  ch "INSERT INTO $db.$t ($cols) SELECT $cols FROM vizora.$t WHERE tenant_id = '$org'" >/dev/null
  [[ $(ch "SELECT engine FROM system.tables WHERE database = 'vizora' AND name = '$t'") == Replacing* ]] ||
    warn "vizora.$t is not a Replacing table: rows inserted while its copy was made may be counted twice"
  say "  $db.$t: $(ch "SELECT count() FROM $db.$t") rows copied, new rows follow" >&2
}

ensure_organisation() { # $1 organisation uuid
  local t db; db=$(organisation_db "$1")
  ch "CREATE DATABASE IF NOT EXISTS $FEEDS_DB" >/dev/null
  ch "CREATE DATABASE IF NOT EXISTS $db" >/dev/null
  for t in "${TABLES[@]}"; do
    if [[ $(ch "EXISTS TABLE vizora.$t") == 1 ]]; then ensure_copy "$1" "$t"
    else warn "vizora.$t does not exist yet (the projector makes it); run 'ops/clickhouse-analyst.sh sync' once it does"; fi
  done
}

drop_organisation() { # $1 organisation uuid: its feeds, then its copies
  local t db; db=$(organisation_db "$1")
  for t in "${TABLES[@]}"; do ch "DROP TABLE IF EXISTS $FEEDS_DB.${db}__$t" >/dev/null; done
  ch "DROP DATABASE IF EXISTS $db" >/dev/null
}

write_profile() { # the profile every analyst account uses; limits a readonly=1 user cannot lift
  ( umask 077
    cat > "$USERS_D/.analysts.tmp" <<XML
<?xml version="1.0"?>
<!-- written by ops/clickhouse-analyst.sh -->
<yandex>
  <profiles>
    <$PROFILE>
      <readonly>1</readonly>
      <max_memory_usage>1000000000</max_memory_usage>
      <max_execution_time>120</max_execution_time>
      <max_result_rows>1000000</max_result_rows>
      <result_overflow_mode>throw</result_overflow_mode>
    </$PROFILE>
  </profiles>
</yandex>
XML
    mv "$USERS_D/.analysts.tmp" "$USERS_D/analysts-profile.xml" )
}

cmd_add() {
  (( $# == 2 )) || usage
  local org=${1,,} name=$2 file password r i
  valid_uuid "$org" || die "'$1' is not an organisation id (a UUID: 8-4-4-4-12 hexadecimal digits)"
  valid_name "$name" || die "'$name' is not a valid account name: 2 to 32 of a-z, 0-9 and _, starting with a letter"
  for r in "${RESERVED[@]}"; do [[ "$name" != "$r" ]] || die "'$name' is reserved"; done
  grep -q "<$name>" "$CH_DIR/users.xml" 2>/dev/null && die "'$name' is a name users.xml uses already"
  file=$(user_file "$name")
  [[ ! -e "$file" ]] || die "account '$name' exists already (organisation $(file_field "$file" organisation)); remove it first"
  [[ $(ch "SELECT count() FROM system.databases WHERE name = 'vizora'") == 1 ]] ||
    die "ClickHouse has no database vizora yet; start the stack (ops/stack.sh up)"
  if [[ $(ch "EXISTS TABLE vizora.plays") == 1 && $(ch "SELECT count() FROM vizora.plays WHERE tenant_id = '$org'") == 0 ]]; then
    warn "no plays of organisation $org so far: check the id (the account is made anyway)"
  fi
  say "organisation $org: copying its rows into $(organisation_db "$org")" >&2
  ensure_organisation "$org"
  mkdir -p "$USERS_D"
  write_profile
  password=$(random_secret)
  ( umask 077
    cat > "$USERS_D/.analyst-$name.tmp" <<XML
<?xml version="1.0"?>
<!-- vizora-analyst organisation=$org database=$(organisation_db "$org") created=$(date -u +%Y-%m-%dT%H:%MZ) -->
<yandex>
  <users>
    <$name>
      <password_sha256_hex>$(sha256_hex "$password")</password_sha256_hex>
      <networks><ip>127.0.0.1</ip></networks>
      <profile>$PROFILE</profile>
      <quota>default</quota>
      <allow_databases><database>$(organisation_db "$org")</database></allow_databases>
    </$name>
  </users>
</yandex>
XML
    mv "$USERS_D/.analyst-$name.tmp" "$file" )
  for ((i = 0; i < 40; i++)); do answers_as "$name" "$password" && break; sleep 0.5; done
  (( i < 40 )) || warn "ClickHouse has not taken up $file within 20 s; see $(clickhouse_log)"
  say "account '$name' reads database $(organisation_db "$org") on http://127.0.0.1:$CH_HTTP_PORT (native port $CH_TCP_PORT)" >&2
  say "its password, shown this once:" >&2
  printf '%s\n' "$password"
}

cmd_list() {
  local f name n=0
  printf '%-24s %-38s %s\n' NAME ORGANISATION DATABASE
  for f in "$USERS_D"/analyst-*.xml; do
    [[ -e "$f" ]] || continue
    n=$((n + 1))
    name=${f##*/analyst-}
    printf '%-24s %-38s %s\n' "${name%.xml}" "$(file_field "$f" organisation)" "$(file_field "$f" database)"
  done
  (( n )) || say "(no analyst accounts in $USERS_D)" >&2
}

cmd_remove() {
  (( $# == 1 )) || usage
  local name=$1 file org i f
  valid_name "$name" || die "'$name' is not a valid account name"
  file=$(user_file "$name")
  [[ -e "$file" ]] || die "no analyst account '$name' (ops/clickhouse-analyst.sh list)"
  org=$(file_field "$file" organisation)
  rm -f "$file"
  for ((i = 0; i < 40; i++)); do known_to_server "$name" || break; sleep 0.5; done
  (( i < 40 )) || warn "ClickHouse still knows '$name' after 20 s; see $(clickhouse_log)"
  say "removed account '$name'" >&2
  for f in "$USERS_D"/analyst-*.xml; do
    [[ -e "$f" && $(file_field "$f" organisation) == "$org" ]] && { say "organisation $org keeps its copy: other accounts read it" >&2; return 0; }
  done
  valid_uuid "$org" || return 0
  drop_organisation "$org"
  say "dropped $(organisation_db "$org") and its feeds (no account of organisation $org left)" >&2
}

cmd_sync() {
  local f org orgs=()
  for f in "$USERS_D"/analyst-*.xml; do
    [[ -e "$f" ]] || continue
    org=$(file_field "$f" organisation)
    if valid_uuid "$org" && [[ " ${orgs[*]} " != *" $org "* ]]; then orgs+=("$org"); fi
  done
  for org in "${orgs[@]}"; do say "organisation $org" >&2; ensure_organisation "$org"; done
  say "every organisation with an analyst account is up to date" >&2
}

verb=${1:-}; shift || true
[[ -n "$verb" ]] || usage
[[ -f "$SECRETS_FILE" ]] || die "the '$VIZORA_INSTANCE' stack has no secrets yet ($SECRETS_FILE): start it (ops/stack.sh up)"
# shellcheck disable=SC1090
source "$SECRETS_FILE"
mkdir -p "$USERS_D"
exec 9>"$USERS_D/.lock"
flock -w 60 9 || die "another ops/clickhouse-analyst.sh is running"
[[ "$verb" == list ]] || ch 'SELECT 1' >/dev/null
case "$verb" in
  add)    cmd_add "$@" ;;
  list)   cmd_list ;;
  remove) cmd_remove "$@" ;;
  sync)   cmd_sync ;;
  *)      usage ;;
esac
