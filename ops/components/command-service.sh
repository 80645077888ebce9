# The operator API (services/command-service), started from its Spring Boot jar.

command_service_jar()      { echo "$VIZORA_ROOT/services/command-service/target/command-service.jar"; }
command_service_ports()    { echo "$COMMAND_SERVICE_PORT"; }
command_service_packages() { :; }
command_service_log()      { echo "$STATE/command-service/command-service.log"; }
command_service_endpoint() { echo "http://127.0.0.1:$COMMAND_SERVICE_PORT/actuator/health"; }
command_service_timeout()  { echo 180; }
command_service_stop_signal() { echo TERM; }
command_service_owns()     { cmdline_has "$1" "$(command_service_jar)"; }
command_service_install()  { require_jar "$(command_service_jar)"; }
command_service_start()    { start_service command-service "$(command_service_jar)" "$COMMAND_SERVICE_PORT"; }
command_service_probe()    { service_is_up "$COMMAND_SERVICE_PORT"; }
command_service_ready()    { :; }
