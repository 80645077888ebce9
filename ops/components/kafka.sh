# Kafka in KRaft mode (one node, broker and controller) as its own JVM, from the Maven jars
# that ops/tools/pom.xml pins to the same version as the clients.

kafka_ports()    { echo "$KAFKA_PORT $KAFKA_CONTROLLER_PORT"; }
kafka_packages() { :; }
kafka_log()      { echo "$STATE/kafka/kafka.log"; }
kafka_endpoint() { echo "kafka://127.0.0.1:$KAFKA_PORT"; }
kafka_timeout()  { echo 90; }
kafka_stop_signal() { echo TERM; }
kafka_owns()     { cmdline_has "$1" "$STATE/kafka/server.properties"; }

kafka_install() { fetch_tools kafka; }

kafka_start() {
  local dir="$STATE/kafka"
  mkdir -p "$dir/data"
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=-1
PROPS
  cat > "$dir/log4j2.properties" <<PROPS
rootLogger.level=INFO
rootLogger.appenderRef.out.ref=out
appender.out.type=RollingFile
appender.out.name=out
appender.out.fileName=$(kafka_log)
appender.out.filePattern=$(kafka_log).%i.gz
appender.out.layout.type=PatternLayout
appender.out.layout.pattern=[%d] %p %m (%c)%n
appender.out.policies.type=Policies
appender.out.policies.size.type=SizeBasedTriggeringPolicy
appender.out.policies.size.size=${VIZORA_LOG_FILE_SIZE:-20MB}
appender.out.strategy.type=DefaultRolloverStrategy
appender.out.strategy.max=10
logger.kafka.name=kafka
logger.kafka.level=INFO
logger.state.name=state.change.logger
logger.state.level=WARN
PROPS
  local java=("$JAVA_HOME/bin/java" -Xms256m -Xmx512m -XX:+UseG1GC
    "-Dlog4j2.configurationFile=$dir/log4j2.properties" -cp "$TOOLS_DIR/kafka/*")
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    "${java[@]}" kafka.tools.StorageTool format --cluster-id="$(kafka_cluster_id)" \
      -c "$dir/server.properties" >>"$dir/kafka.out" 2>&1 || return 1
  fi
  # log4j writes kafka.log and rolls it (ADR 0037); standard output keeps what bypasses it
  spawn kafka "$dir/kafka.out" "${java[@]}" kafka.Kafka "$dir/server.properties"
}

# A KRaft cluster id is 16 bytes in URL-safe base64 without padding; it may start with "-",
# hence --cluster-id=ID above.
kafka_cluster_id() { head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='; }

# Speaks Kafka's own protocol: an ApiVersions request (key 18, v0, correlation id 7) must be
# answered with the same correlation id and error code 0.
kafka_probe() {
  local answer
  answer=$(timeout 2 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "\x00\x00\x00\x0c\x00\x12\x00\x00\x00\x00\x00\x07\x00\x02vz" >&3
    head -c 10 <&3 | od -An -tx1 | tr -d " \n"' _ "$KAFKA_PORT" 2>/dev/null) || return 1
  [[ "${answer:8:12}" == 000000070000 ]]
}

kafka_ready() { :; }
