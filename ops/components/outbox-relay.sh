# The outbox relay (services/outbox-relay): outbox rows from Postgres' WAL to Kafka.

outbox_relay_jar()      { echo "$VIZORA_ROOT/services/outbox-relay/target/outbox-relay.jar"; }
outbox_relay_ports()    { echo "$OUTBOX_RELAY_PORT"; }
outbox_relay_packages() { :; }
outbox_relay_log()      { echo "$STATE/outbox-relay/outbox-relay.log"; }
outbox_relay_endpoint() { echo "http://127.0.0.1:$OUTBOX_RELAY_PORT/actuator/health"; }
outbox_relay_timeout()  { echo 180; }
outbox_relay_stop_signal() { echo TERM; }
outbox_relay_owns()     { cmdline_has "$1" "$(outbox_relay_jar)"; }
outbox_relay_install()  { require_jar "$(outbox_relay_jar)"; }
outbox_relay_start()    { start_service outbox-relay "$(outbox_relay_jar)" "$OUTBOX_RELAY_PORT"; }
outbox_relay_probe()    { service_is_up "$OUTBOX_RELAY_PORT"; }
outbox_relay_ready()    { :; }
