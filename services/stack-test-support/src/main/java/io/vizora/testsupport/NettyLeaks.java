package io.vizora.testsupport;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Netty's leak detector, made to fail the build: the test JVMs run with
 * {@code -Dio.netty.leakDetection.level=paranoid -Dio.netty.customResourceLeakDetector=io.vizora.testsupport.NettyLeaks}
 * (the root pom), so every buffer is tracked and every leak is recorded here as well as logged;
 * after each test class, this extension (registered for every class through the service loader)
 * collects garbage, lets the detector look, and fails the class if anything leaked.
 */
public final class NettyLeaks extends ResourceLeakDetector<Object> implements AfterAllCallback {

    private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();

    /** As Netty's factory constructs custom detectors. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public NettyLeaks(Class resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
    }

    /** The constructor Netty's factory looks for first (it logs an error when it is missing). */
    @SuppressWarnings({"rawtypes", "unused"})
    public NettyLeaks(Class resourceType, int samplingInterval, long maxActive) {
        this(resourceType, samplingInterval);
    }

    /** For the service loader, as an extension. */
    public NettyLeaks() {
        super(Object.class, 1);
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        LEAKS.add(resourceType + " was not released; recent accesses:" + records);
        super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        LEAKS.add(resourceType + " was not released");
        super.reportUntracedLeak(resourceType);
    }

    /** The leaks reported since the last call, once unreachable buffers are collected. */
    static List<String> collect() {
        System.gc();
        // the detector looks at collected buffers when the next one is tracked
        PooledByteBufAllocator.DEFAULT.directBuffer(1).release();
        PooledByteBufAllocator.DEFAULT.heapBuffer(1).release();
        List<String> leaks = new ArrayList<>();
        for (String leak; (leak = LEAKS.poll()) != null; ) {
            leaks.add(leak);
        }
        return leaks;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!NettyLeaks.class.getName().equals(System.getProperty("io.netty.customResourceLeakDetector"))) {
            return;
        }
        var leaks = collect();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty buffer(s) leaked by the time " + context.getDisplayName()
                    + " ended:\n" + String.join("\n\n", leaks));
        }
    }
}
