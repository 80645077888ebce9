package io.vizora.relay;

import org.junit.jupiter.api.Test;

import javax.management.ObjectName;
import javax.management.StandardMBean;
import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

class EngineRunTests {

    public interface Leftover {
        long getMilliSecondsSinceLastEvent();
    }

    @Test
    void aFailedRunSaysWhatWentWrongUnderDebeziumsWrapping() {
        var wrapped = new IllegalStateException("An exception occurred in the change event producer. This connector will be stopped.",
                new RuntimeException("streaming failed", new IllegalStateException("Publication autocreation is disabled")));

        assertThat(EngineRun.reason("the connector stopped", wrapped)).isEqualTo("the connector stopped: Publication autocreation is disabled");
        assertThat(EngineRun.reason("the connector stopped", null)).isEqualTo("the connector stopped");
    }

    @Test
    void metricsAnEarlierEngineLeftRegisteredAreGoneBeforeTheNextOneStartsAndOtherConnectorsKeepTheirs() throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        var ours = new ObjectName("debezium.postgres:type=connector-metrics,context=streaming,server=" + DebeziumSettings.TOPIC_PREFIX);
        var another = new ObjectName("debezium.postgres:type=connector-metrics,context=streaming,server=another-connector");
        for (var name : new ObjectName[]{ours, another}) {
            server.registerMBean(new StandardMBean(() -> 0L, Leftover.class), name);
        }
        try {
            EngineRun.unregisterMetricsOfEarlierRuns();

            assertThat(server.isRegistered(ours)).isFalse();
            assertThat(server.isRegistered(another)).isTrue();
        } finally {
            server.unregisterMBean(another);
        }
    }
}
