# The demo fleet (player-agent's `fleet --demo`): simulated screens, paired with a demo
# organisation that publishes a campaign of generated slides on them, so `make run` shows screens
# online and playing. VIZORA_DEMO_SCREENS sets how many (default 10; 0 starts none).

demo_fleet_jar()      { echo "$VIZORA_ROOT/player-agent/target/vizora-agent.jar"; }
demo_fleet_count()    { echo "${VIZORA_DEMO_SCREENS:-10}"; }
demo_fleet_ports()    { :; }
demo_fleet_packages() { :; }
demo_fleet_log()      { echo "$STATE/demo-fleet/demo-fleet.log"; }
demo_fleet_endpoint() { echo "$(demo_fleet_count) screens, state in $STATE/demo-fleet/screen-*/state.json"; }
demo_fleet_timeout()  { echo 120; }
demo_fleet_stop_signal() { echo TERM; }
demo_fleet_owns()     { cmdline_has "$1" "$(demo_fleet_jar)"; }
demo_fleet_install()  { require_jar "$(demo_fleet_jar)"; }
demo_fleet_start() {
  : > "$(demo_fleet_log)"   # the probe reads this run's log only
  spawn demo-fleet "$(demo_fleet_log)" "$JAVA_HOME/bin/java" -Xmx256m -jar "$(demo_fleet_jar)" fleet --demo --kiosk \
    --count "$(demo_fleet_count)" --data-dir "$STATE/demo-fleet" --heartbeat PT5S \
    --server "http://127.0.0.1:$COMMAND_SERVICE_PORT" --gateway "ws://127.0.0.1:$PUSH_GATEWAY_PORT" --console "http://127.0.0.1:$EDGE_PORT"
}
# up once every screen is paired and the demo campaign is published
demo_fleet_probe()    { grep -q "Demo screens ready" "$(demo_fleet_log)" 2>/dev/null; }
demo_fleet_ready()    { :; }
