package io.vizora.relay;

import io.vizora.schemas.TopicCatalogue;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Creates the catalogue's topics and their dead-letter topics when they are missing (brokers run
 * with automatic topic creation off), with the catalogue's partitions, retention and cleanup.
 */
final class TopicProvisioner {

    private TopicProvisioner() {
    }

    static List<String> ensureTopics(Admin admin, TopicCatalogue catalogue, short replicationFactor) throws InterruptedException {
        var wanted = new ArrayList<NewTopic>();
        var deadLetter = catalogue.deadLetter();
        for (var topic : catalogue.topics()) {
            wanted.add(new NewTopic(topic.name(), topic.partitions(), replicationFactor).configs(Map.of(
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retentionMs()),
                    TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy())));
            wanted.add(new NewTopic(topic.deadLetterTopic(), deadLetter.partitions(), replicationFactor).configs(Map.of(
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(deadLetter.retentionMs()),
                    TopicConfig.CLEANUP_POLICY_CONFIG, deadLetter.cleanupPolicy())));
        }
        var created = new ArrayList<String>();
        for (var entry : admin.createTopics(wanted).values().entrySet()) {
            try {
                entry.getValue().get();
                created.add(entry.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("could not create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
        return created;
    }
}
