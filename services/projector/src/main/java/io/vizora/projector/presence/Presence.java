package io.vizora.projector.presence;

import io.vizora.consumer.CloudEventReader;
import io.vizora.consumer.ConsumedEvent;
import io.vizora.platform.kafka.ReliableProducer;
import io.vizora.platform.kafka.consumer.ConsumerGroup;
import io.vizora.platform.kafka.consumer.ConsumerState;
import io.vizora.platform.kafka.consumer.ContainerMonitor;
import io.vizora.platform.kafka.consumer.MonitoredConsumer;
import io.vizora.projector.ProjectorProperties;
import io.vizora.projector.live.FleetChanges;
import io.vizora.schemas.ContractViolationException;
import io.vizora.schemas.Envelope;
import io.vizora.schemas.EventContract;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is online, in Redis, from the heartbeats on {@value #TOPIC}: a display heard from for the
 * online grace (deciding by the heartbeats' own times) is announced {@code display_came_online}; a
 * display silent for longer than the offline grace is announced {@code display_went_offline} by
 * the sweeper ({@link PresenceRules}). Each announcement's id derives
 * from what caused it, so a redelivered heartbeat or two sweepers racing announce it under one id,
 * and the state changes only after Kafka took the announcement (at least once, never silently lost).
 * A new generation reads the heartbeats from the beginning: its announcements repeat the old ids,
 * so consumers that deduplicate by id see nothing twice.
 */
@Component
public class Presence implements SmartLifecycle, MonitoredConsumer {

    public static final String TOPIC = "vizora.presence";
    static final String CAME_ONLINE = "vizora.presence.display_came_online.v1";
    static final String WENT_OFFLINE = "vizora.presence.display_went_offline.v1";
    static final String OUT_OF_SYNC = "vizora.presence.display_out_of_sync.v1";
    static final String BACK_IN_SYNC = "vizora.presence.display_back_in_sync.v1";
    private static final String HEARTBEAT = "vizora.presence.heartbeat.v1";
    private static final Logger log = LoggerFactory.getLogger(Presence.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * Records a heartbeat. Returns "online" for an online display; otherwise the time it was first
     * heard since it was last online (epoch ms), noting that time if this is the first heartbeat.
     */
    private static final RedisScript<String> SEEN = RedisScript.of("""
            redis.call('HSET', KEYS[3], 'health', ARGV[3])
            if tonumber(ARGV[2]) > tonumber(redis.call('HGET', KEYS[3], 'lastSeen') or '0') then
              redis.call('HSET', KEYS[3], 'lastSeen', ARGV[2])
            end
            if redis.call('HGET', KEYS[3], 'state') == 'online' then
              redis.call('ZADD', KEYS[1], 'GT', ARGV[2], ARGV[1])
              return 'online'
            end
            if not redis.call('HGET', KEYS[3], 'firstHeard') then
              redis.call('HSET', KEYS[3], 'firstHeard', ARGV[2])
              redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
            end
            return redis.call('HGET', KEYS[3], 'firstHeard')""", String.class);

    /** Marks a pending display online, if it is still pending since the given first heartbeat. */
    private static final RedisScript<Long> ONLINE = RedisScript.of("""
            if redis.call('HGET', KEYS[3], 'state') == 'online' or redis.call('HGET', KEYS[3], 'firstHeard') ~= ARGV[2] then return 0 end
            redis.call('HSET', KEYS[3], 'state', 'online', 'since', ARGV[2])
            redis.call('HDEL', KEYS[3], 'firstHeard')
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('ZADD', KEYS[1], redis.call('HGET', KEYS[3], 'lastSeen'), ARGV[1])
            return 1""", Long.class);

    /** Forgets a pending display that fell silent before it was announced. */
    private static final RedisScript<Long> DROP = RedisScript.of("""
            if redis.call('HGET', KEYS[3], 'firstHeard') ~= ARGV[2] then return 0 end
            redis.call('HDEL', KEYS[3], 'firstHeard')
            redis.call('ZREM', KEYS[2], ARGV[1])
            return 1""", Long.class);

    /** Marks a display offline if it is still silent since the heartbeat the announcement names; returns 1 if it changed. */
    private static final RedisScript<Long> OFFLINE = RedisScript.of("""
            if redis.call('HGET', KEYS[3], 'state') ~= 'online' or redis.call('HGET', KEYS[3], 'lastSeen') ~= ARGV[2] then return 0 end
            redis.call('HSET', KEYS[3], 'state', 'offline', 'since', ARGV[2])
            redis.call('ZREM', KEYS[1], ARGV[1])
            return 1""", Long.class);

    /**
     * Gives back the online state of a display announced online, to a Redis that lost it; a display
     * Redis already has a state for is left alone. It counts as heard at the restore, so it gets the
     * whole offline grace to be heard from before it is announced offline.
     */
    private static final RedisScript<Long> RESTORE = RedisScript.of("""
            if redis.call('HGET', KEYS[3], 'state') then return 0 end
            local seen = math.max(tonumber(redis.call('HGET', KEYS[3], 'lastSeen') or '0'), tonumber(ARGV[3]))
            redis.call('HSET', KEYS[3], 'state', 'online', 'since', ARGV[2], 'lastSeen', seen)
            redis.call('HDEL', KEYS[3], 'firstHeard')
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('ZADD', KEYS[1], seen, ARGV[1])
            return 1""", Long.class);

    /** Keeps what the screen shows (its state, manifest and item); returns 1 if that changed. */
    private static final RedisScript<Long> SHOWN = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'shown') == ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'shown', ARGV[1])
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final DatabaseClient db;
    private final FleetChanges changes;
    private final PresenceProperties properties;
    private final PresenceRules rules;
    private final SyncRules sync;
    private final io.vizora.projector.manifest.ManifestPublisher manifests;
    private final String prefix;
    private final ReliableProducer producer;
    private final ConcurrentMessageListenerContainer<String, byte[]> container;
    private final ContainerMonitor monitor;

    public Presence(StringRedisTemplate redis, DatabaseClient db, PresenceProperties properties, ProjectorProperties projector, EventContract contract,
                    @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                    io.vizora.projector.ProjectionConsumers.Generation generation, io.vizora.projector.manifest.ManifestPublisher manifests,
                    FleetChanges changes) {
        this.redis = redis;
        this.db = db;
        this.changes = changes;
        this.manifests = manifests;
        this.sync = new SyncRules(properties.syncGrace());
        this.properties = properties;
        this.rules = new PresenceRules(properties.onlineAfter(), properties.offlineAfter());
        this.prefix = projector.redisPrefix() + "presence:";
        this.producer = new ReliableProducer(bootstrapServers);
        var group = generation.group("presence");
        Map<String, Object> settings = new HashMap<>(group.settings());
        settings.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false));
        var consumers = new DefaultKafkaConsumerFactory<String, byte[]>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        var reader = new CloudEventReader(contract);
        var container = new ContainerProperties(TOPIC);
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        this.monitor = new ContainerMonitor(group.id(), List.of(TOPIC));
        container.setMessageListener((MessageListener<String, byte[]>) record -> {
            try {
                heard(reader, record);
                monitor.succeeded();
            } catch (RuntimeException e) {
                monitor.failed(e);
                throw e;
            }
        });
        this.container = new ConcurrentMessageListenerContainer<>(consumers, container);
        this.container.setConcurrency(2);
        this.container.setBeanName("presence");
        monitor.watch(this.container);
    }

    private void heard(CloudEventReader reader, ConsumerRecord<String, byte[]> record) {
        ConsumedEvent event;
        try {
            event = reader.read(record);
        } catch (ContractViolationException e) {
            log.atWarn().addKeyValue("offset", record.offset()).log("a presence record breaks the contract and is skipped: " + e.getMessage());
            return;
        }
        if (!event.type().equals(HEARTBEAT)) {
            return;
        }
        var displayId = UUID.fromString(event.data().get("displayId").asString());
        var member = event.tenantId() + ":" + displayId;
        var seenAt = event.time().toEpochMilli();
        var firstHeard = redis.execute(SEEN, keys(displayId), member, Long.toString(seenAt), event.data().toString());
        var changed = redis.execute(SHOWN, List.of(key(displayId)), shown(event.data())) == 1;
        if (!"online".equals(firstHeard)
                && rules.pending(Instant.ofEpochMilli(Long.parseLong(firstHeard)), event.time(), event.time()) == PresenceRules.Pending.ANNOUNCE) {
            var since = Instant.ofEpochMilli(Long.parseLong(firstHeard));
            announce(CAME_ONLINE, UUID.nameUUIDFromBytes(("came_online:" + displayId + ":" + firstHeard).getBytes(StandardCharsets.UTF_8)),
                    event.tenantId(), displayId, since);
            announced(event.tenantId(), displayId, true, since);
            changed |= redis.execute(ONLINE, keys(displayId), member, firstHeard) == 1;
        }
        if (changed) {
            changes.changedNow(event.tenantId(), displayId);
        }
    }

    /** What of a heartbeat operators see change: the screen's state, the manifest it follows, the item on it. */
    private static String shown(tools.jackson.databind.JsonNode heartbeat) {
        var playing = heartbeat.path("playing");
        return String.join("|", heartbeat.path("screen").asString(""), heartbeat.path("manifestVersion").asString(""),
                playing.path("contentId").asString(""), playing.path("campaignId").asString(""), playing.path("fallback").asString(""));
    }

    /**
     * Displays silent for longer than the offline grace go offline, each announced once; displays
     * that fell silent before their online grace was over are forgotten unannounced.
     */
    @Scheduled(fixedDelayString = "${vizora.projector.presence.sweep-interval:PT5S}")
    public void sweep() {
        var now = Instant.now();
        var pending = redis.opsForZSet().rangeWithScores(pending(), 0, -1);
        for (var entry : pending == null ? java.util.Set.<org.springframework.data.redis.core.ZSetOperations.TypedTuple<String>>of() : pending) {
            var member = entry.getValue();
            var displayId = UUID.fromString(member.substring(member.indexOf(':') + 1));
            var lastSeen = (String) redis.opsForHash().get(key(displayId), "lastSeen");
            if (lastSeen == null || rules.silent(Instant.ofEpochMilli(Long.parseLong(lastSeen)), now)) {
                redis.execute(DROP, keys(displayId), member, Long.toString(entry.getScore().longValue()));
            }
        }
        var cutoff = now.minus(properties.offlineAfter()).toEpochMilli();
        var silent = redis.opsForZSet().rangeByScoreWithScores(online(), Double.NEGATIVE_INFINITY, cutoff);
        if (silent == null) {
            return;
        }
        for (var entry : silent) {
            var member = entry.getValue();
            var tenant = UUID.fromString(member.substring(0, member.indexOf(':')));
            var displayId = UUID.fromString(member.substring(member.indexOf(':') + 1));
            var lastSeen = Optional.ofNullable((String) redis.opsForHash().get(key(displayId), "lastSeen")).orElse(Long.toString(entry.getScore().longValue()));
            if (Long.parseLong(lastSeen) > cutoff) {
                continue;
            }
            var at = Instant.ofEpochMilli(Long.parseLong(lastSeen));
            announce(WENT_OFFLINE, UUID.nameUUIDFromBytes(("went_offline:" + displayId + ":" + lastSeen).getBytes(StandardCharsets.UTF_8)),
                    tenant, displayId, at);
            announced(tenant, displayId, false, at);
            if (redis.execute(OFFLINE, keys(displayId), member, lastSeen) == 1) {
                changes.changedNow(tenant, displayId);
            }
        }        followSync(now);
    }

    /**
     * Online displays whose screens have not shown their newest manifest within the grace are
     * announced out of sync, and back in sync once their heartbeats report it; the state is kept in
     * the presence hash ({@code outOfSync}: the newest version, {@code outOfSyncSince}) for the fleet view.
     */
    private void followSync(Instant now) {
        var online = redis.opsForZSet().range(online(), 0, -1);
        for (var member : online == null ? java.util.Set.<String>of() : online) {
            var tenant = UUID.fromString(member.substring(0, member.indexOf(':')));
            var displayId = UUID.fromString(member.substring(member.indexOf(':') + 1));
            var newest = redis.<String, String>opsForHash().multiGet(manifests.key(displayId), List.of("version", "compiledAt"));
            var reported = redis.<String, String>opsForHash().multiGet(key(displayId), List.of("health", "outOfSync"));
            if (newest.get(0) == null || newest.get(1) == null || reported.get(0) == null) {
                continue;
            }
            var newestVersion = Long.parseLong(newest.get(0));
            var health = tools.jackson.databind.json.JsonMapper.shared().readTree(reported.get(0));
            var shown = health.path("manifestVersion").isNumber() ? health.get("manifestVersion").asLong() : null;
            var compiledAt = Instant.ofEpochMilli(Long.parseLong(newest.get(1)));
            if (reported.get(1) == null && sync.outOfSync(newestVersion, compiledAt, shown, now)) {
                var data = new java.util.HashMap<String, Object>(Map.of("displayId", displayId.toString(), "at", compiledAt.toString(),
                        "newestVersion", newestVersion));
                if (shown != null) {
                    data.put("shownVersion", shown);
                }
                announce(OUT_OF_SYNC, UUID.nameUUIDFromBytes(("out_of_sync:" + displayId + ":" + newestVersion).getBytes(StandardCharsets.UTF_8)),
                        tenant, displayId, data);
                redis.opsForHash().putAll(key(displayId), Map.of("outOfSync", Long.toString(newestVersion), "outOfSyncSince", Long.toString(compiledAt.toEpochMilli())));
                changes.changedNow(tenant, displayId);
            } else if (reported.get(1) != null && sync.inSync(newestVersion, shown)) {
                announce(BACK_IN_SYNC, UUID.nameUUIDFromBytes(("back_in_sync:" + displayId + ":" + shown).getBytes(StandardCharsets.UTF_8)),
                        tenant, displayId, Map.of("displayId", displayId.toString(), "at", now.toString(), "version", shown));
                redis.opsForHash().delete(key(displayId), "outOfSync", "outOfSyncSince");
                changes.changedNow(tenant, displayId);
            }
        }
    }

    /**
     * Keeps the transition in Postgres, after Kafka took it and before Redis changes: a failure
     * leaves Redis as it was, so the next heartbeat or sweep announces it again under its id.
     */
    private void announced(UUID tenant, UUID displayId, boolean online, Instant at) {
        db.sql("""
                        INSERT INTO display_presence (display_id, organisation_id, online, at) VALUES (:display, :organisation, :online, :at)
                        ON CONFLICT (display_id) DO UPDATE SET online = excluded.online, at = excluded.at WHERE display_presence.at <= excluded.at""")
                .bind("display", displayId).bind("organisation", tenant).bind("online", online).bind("at", at.atOffset(ZoneOffset.UTC))
                .then().block(TIMEOUT);
    }

    /**
     * Gives a Redis that lost its data (ADR 0043) the displays last announced online, so that a
     * live screen's next heartbeats announce nothing and a screen that died meanwhile is announced
     * offline once the offline grace has passed from now; returns how many it gave back.
     */
    public long restore() {
        var now = Long.toString(Instant.now().toEpochMilli());
        var online = db.sql("SELECT display_id, organisation_id, at FROM display_presence WHERE online")
                .map(row -> new Online(row.get("organisation_id", UUID.class), row.get("display_id", UUID.class),
                        row.get("at", OffsetDateTime.class).toInstant()))
                .all().collectList().block(TIMEOUT);
        return online == null ? 0 : online.stream()
                .filter(display -> redis.execute(RESTORE, keys(display.displayId()), display.tenant() + ":" + display.displayId(),
                        Long.toString(display.since().toEpochMilli()), now) == 1)
                .count();
    }

    private record Online(UUID tenant, UUID displayId, Instant since) {
    }

    private void announce(String type, UUID id, UUID tenant, UUID displayId, Instant at) {
        announce(type, id, tenant, displayId, Map.of("displayId", displayId.toString(), "at", at.toString()));
    }

    private void announce(String type, UUID id, UUID tenant, UUID displayId, Map<String, ?> data) {
        var event = Envelope.json(id, type, tenant, displayId.toString(), "system", Instant.now(), data, "/vizora/projector");
        producer.send(TOPIC, displayId.toString(), event).block(TIMEOUT);
    }

    private String online() {
        return prefix + "online";
    }

    private String pending() {
        return prefix + "pending";
    }

    private List<String> keys(UUID displayId) {
        return List.of(online(), pending(), key(displayId));
    }

    /** The display's presence in Redis: a hash of state (online/offline), lastSeen (epoch ms), since and health. */
    public String key(UUID displayId) {
        return prefix + displayId;
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
        producer.close();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

    @Override
    public String consumerName() {
        return monitor.consumerName();
    }

    @Override
    public ConsumerState consumerState() {
        return monitor.consumerState();
    }
}
