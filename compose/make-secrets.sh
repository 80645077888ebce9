#!/usr/bin/env bash
# Writes what docker-compose.yml needs and the repository must never hold: one file per secret
# in compose/secrets/ (git-ignored) and the Kafka cluster id in compose/.env (git-ignored). Existing
# files are kept, so running it again never changes a deployment's credentials.
#
# Compose mounts file secrets as they are (it cannot change their owner or mode), and the
# containers run as users of their own, so each file is readable by all (0644) inside a
# directory only its owner can enter (0700).
set -euo pipefail
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
secrets="$dir/secrets"

# alphanumeric only: the values go into a Redis config line and an mc host URL unquoted
random_secret() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "${1:-32}"; }

mkdir -p "$secrets"
chmod 700 "$secrets"

write() { # $1 name, $2 value; never overwrites
  local file="$secrets/$1"
  [[ -s "$file" ]] && return 0
  ( umask 022; printf '%s' "$2" > "$file.tmp" )
  mv "$file.tmp" "$file"
  echo "wrote compose/secrets/$1"
}

write postgres_password "$(random_secret)"
write redis_password "$(random_secret)"
write clickhouse_password "$(random_secret)"
write s3_access_key "vizora$(random_secret 14)"
write s3_secret_key "$(random_secret 40)"
write jwt_key_encryption_secret "$(random_secret)"

# A KRaft cluster id is 16 random bytes in URL-safe base64 without padding.
if ! grep -qs '^KAFKA_CLUSTER_ID=' "$dir/.env"; then
  echo "KAFKA_CLUSTER_ID=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')" >> "$dir/.env"
  echo "wrote KAFKA_CLUSTER_ID to compose/.env"
fi
