package io.vizora.partner;

import io.vizora.testsupport.DomainEvents;
import io.vizora.testsupport.TestStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Before the first test, waits until the service has folded what earlier test runs left on the
 * topics (its consumer group is the same in every run, so that is only what is new since), so
 * each test's own waits measure its own events.
 */
public final class CaughtUp implements BeforeEachCallback {

    static final String GROUP = "it-partner-streams";
    private static volatile boolean caughtUp;

    @Override
    public void beforeEach(ExtensionContext context) {
        if (caughtUp) {
            return;
        }
        DomainEvents.shared();
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() ->
                    lag(admin, GROUP, PartnerConfiguration.FEED_TOPICS) + lag(admin, GROUP + PartnerConfiguration.KEYS_GROUP_SUFFIX,
                            PartnerConfiguration.KEY_TOPICS) == 0);
        }
        caughtUp = true;
    }

    private static long lag(Admin admin, String group, List<String> topics) throws ExecutionException, InterruptedException {
        var partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(partition -> new TopicPartition(topic.name(), partition.partition())))
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        var ends = admin.listOffsets(partitions).all().get();
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get());
        return ends.entrySet().stream().mapToLong(end -> {
            var done = committed.get(end.getKey());
            return end.getValue().offset() - (done == null ? 0 : done.offset());
        }).sum();
    }
}
