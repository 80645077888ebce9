package io.vizora.projector;

import io.vizora.testsupport.WholeBodies;
import org.springframework.context.annotation.Import;
import io.vizora.testsupport.TestJwks;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The projector against the real test stack, one context for all test classes. Its consumer
 * groups are a fresh generation per run, so they read the topics from the beginning; operators'
 * tokens come from {@link TestJwks}; a display is online once heard for a second and offline after five silent seconds (room for a
 * loaded machine: the suite runs a projector process and 40,000 plays beside it). The manifest
 * worker's fallback poll is an hour: manifests come from the folds waking it, so a fold that
 * marks displays due without waking it fails the manifest tests. What Redis lost is looked for
 * every half second, so the tests that delete it wait little.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestJwks.class)
@SpringBootTest(properties = {"vizora.projector.generation=it-${random.uuid}",
        "vizora.projector.presence.online-after=PT1S", "vizora.projector.presence.offline-after=PT5S",
        "vizora.projector.presence.sweep-interval=PT0.2S", "vizora.projector.manifest-poll=PT1H", "vizora.projector.redis-check=PT0.5S",
        "vizora.web.rate-limit.per-address.capacity=1000000",
        "vizora.web.rate-limit.per-user.capacity=1000000"})
// a guard against hangs, not a latency limit: the consumers catching up on the shared topics keep the machine busy for a while
@AutoConfigureWebTestClient(timeout = "30s")
@Import(WholeBodies.class)
public @interface ProjectorIntegrationTest {
}
