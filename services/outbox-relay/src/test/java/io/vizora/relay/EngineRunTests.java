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
