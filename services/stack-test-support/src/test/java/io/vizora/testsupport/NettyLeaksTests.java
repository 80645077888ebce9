package io.vizora.testsupport;

import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NettyLeaksTests {

    @Test
    void aBufferNobodyReleasedIsReportedOnceItIsCollected() {
        assertThat(System.getProperty("io.netty.customResourceLeakDetector")).isEqualTo(NettyLeaks.class.getName());
        NettyLeaks.collect();
        leak();

        await().until(() -> NettyLeaks.collect().stream().anyMatch(report -> report.startsWith("ByteBuf was not released")));
    }

    @Test
    void releasedBuffersAreNotReported() {
        NettyLeaks.collect();
        PooledByteBufAllocator.DEFAULT.directBuffer(64).writeLong(1).release();

        assertThat(NettyLeaks.collect()).isEmpty();
    }

    private static void leak() {
        PooledByteBufAllocator.DEFAULT.directBuffer(64).writeLong(42);
    }
}
