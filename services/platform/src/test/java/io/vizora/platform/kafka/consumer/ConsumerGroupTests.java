package io.vizora.platform.kafka.consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerGroupTests {

    @Test
    void aProcessWithoutANameIsADynamicMemberOfItsGroup() {
        assertThat(new ConsumerGroup("gen-audit", "").settings()).containsExactlyEntriesOf(java.util.Map.of(ConsumerConfig.GROUP_ID_CONFIG, "gen-audit"));
        assertThat(new ConsumerGroup("gen-audit", null).settings()).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }

    @Test
    void aNamedProcessIsAStaticMemberWhoseIdNamesTheGroupAndWhoseSessionIsShort() {
        var settings = new ConsumerGroup("gen-audit", "projector").settings();

        assertThat(settings).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "gen-audit")
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "gen-audit.projector")
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    }
}
