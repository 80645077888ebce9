# The push gateway (services/push-gateway): the player agents' WebSocket connections.

push_gateway_jar()      { echo "$VIZORA_ROOT/services/push-gateway/target/push-gateway.jar"; }
push_gateway_ports()    { echo "$PUSH_GATEWAY_PORT"; }
push_gateway_packages() { :; }
push_gateway_log()      { echo "$STATE/push-gateway/push-gateway.log"; }
push_gateway_endpoint() { echo "http://127.0.0.1:$PUSH_GATEWAY_PORT/actuator/health"; }
push_gateway_timeout()  { echo 180; }
push_gateway_stop_signal() { echo TERM; }
push_gateway_owns()     { cmdline_has "$1" "$(push_gateway_jar)"; }
push_gateway_install()  { require_jar "$(push_gateway_jar)"; }
push_gateway_start()    { start_service push-gateway "$(push_gateway_jar)" "$PUSH_GATEWAY_PORT"; }
push_gateway_probe()    { service_is_up "$PUSH_GATEWAY_PORT"; }
push_gateway_ready()    { :; }
