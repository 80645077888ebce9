# Redis: loopback only, password protected, no persistence (everything in it is a
# rebuildable read model or a short-lived counter).

redis_ports()    { echo "$REDIS_PORT"; }
redis_packages() { command -v redis-server >/dev/null || echo redis-server; }
redis_log()      { echo "$STATE/redis/redis.log"; }
redis_endpoint() { echo "redis://127.0.0.1:$REDIS_PORT"; }
redis_timeout()  { echo 30; }
redis_stop_signal() { echo TERM; }
# Redis rewrites its process title, so its working directory (set by 'dir') identifies it.
redis_owns()     { [[ "$(readlink "/proc/$1/cwd")" == "$STATE/redis" ]]; }

redis_start() {
  mkdir -p "$STATE/redis"
  ( umask 077
    cat > "$STATE/redis/redis.conf" <<CONF
bind 127.0.0.1
port $REDIS_PORT
daemonize no
save ""
appendonly no
dir $STATE/redis
requirepass $REDIS_PASSWORD
maxmemory 512mb
CONF
  )
  spawn redis "$(redis_log)" redis-server "$STATE/redis/redis.conf"
}

redis_probe() {
  [[ $(REDISCLI_AUTH="$REDIS_PASSWORD" timeout 2 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]
}

redis_ready() { :; }
