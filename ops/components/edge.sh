# The edge (services/edge): the one public HTTP entry, the console's files and every API routed to
# its service (ADR 0019). Started last: its health is the health of what it routes to.

edge_jar()      { echo "$VIZORA_ROOT/services/edge/target/edge.jar"; }
edge_ports()    { echo "$EDGE_PORT"; }
edge_packages() { :; }
edge_log()      { echo "$STATE/edge/edge.log"; }
edge_endpoint() { echo "http://127.0.0.1:$EDGE_PORT/"; }
edge_timeout()  { echo 180; }
edge_stop_signal() { echo TERM; }
edge_owns()     { cmdline_has "$1" "$(edge_jar)"; }
edge_install()  { require_jar "$(edge_jar)"; [[ -f "$VIZORA_ROOT/console/dist/index.html" ]] || die "console/dist is missing: build the console first (make build)"; }
edge_start()    { start_service edge "$(edge_jar)" "$EDGE_PORT"; }
edge_probe()    { service_is_up "$EDGE_PORT"; }
edge_ready()    { :; }
