# The projector (services/projector): domain topics folded into read models and manifests.

projector_jar()      { echo "$VIZORA_ROOT/services/projector/target/projector.jar"; }
projector_ports()    { echo "$PROJECTOR_PORT"; }
projector_packages() { :; }
projector_log()      { echo "$STATE/projector/projector.log"; }
projector_endpoint() { echo "http://127.0.0.1:$PROJECTOR_PORT/actuator/health"; }
projector_timeout()  { echo 180; }
projector_stop_signal() { echo TERM; }
projector_owns()     { cmdline_has "$1" "$(projector_jar)"; }
projector_install()  { require_jar "$(projector_jar)"; }
projector_start()    { start_service projector "$(projector_jar)" "$PROJECTOR_PORT"; }
projector_probe()    { service_is_up "$PROJECTOR_PORT"; }
projector_ready()    { :; }
