# Partner streams (services/partner-streams): the partner event feed and webhooks (ADR 0016).
# The local stack is a developer's machine, so webhooks may go to receivers on loopback.

partner_streams_jar()      { echo "$VIZORA_ROOT/services/partner-streams/target/partner-streams.jar"; }
partner_streams_ports()    { echo "$PARTNER_STREAMS_PORT"; }
partner_streams_packages() { :; }
partner_streams_log()      { echo "$STATE/partner-streams/partner-streams.log"; }
partner_streams_endpoint() { echo "http://127.0.0.1:$PARTNER_STREAMS_PORT/actuator/health"; }
partner_streams_timeout()  { echo 180; }
partner_streams_stop_signal() { echo TERM; }
partner_streams_owns()     { cmdline_has "$1" "$(partner_streams_jar)"; }
partner_streams_install()  { require_jar "$(partner_streams_jar)"; }
partner_streams_start()    { VIZORA_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true start_service partner-streams "$(partner_streams_jar)" "$PARTNER_STREAMS_PORT"; }
partner_streams_probe()    { service_is_up "$PARTNER_STREAMS_PORT"; }
partner_streams_ready()    { :; }
