package io.vizora.partner;

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
 * The service against the real test stack, one context for all test classes: the same consumer
 * group in every run (it has folded what earlier runs sent, see {@link CaughtUp}), webhooks retried within a second
 * and dead-lettered after five attempts of at most a second each, receivers on loopback allowed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({TestJwks.class, CaughtUp.class})
@SpringBootTest(properties = {"vizora.partner.consumer-group=" + CaughtUp.GROUP,
        "vizora.partner.webhooks.first-retry=PT0.1S", "vizora.partner.webhooks.max-retry=PT0.4S",
        "vizora.partner.webhooks.max-attempts=5", "vizora.partner.webhooks.poll-interval=PT0.1S", "vizora.partner.webhooks.timeout=PT1S",
        "vizora.partner.webhooks.allow-private-targets=true", "vizora.web.rate-limit.per-address.capacity=1000000",
        "vizora.web.rate-limit.per-user.capacity=1000000"})
// a guard against hangs, not a latency limit: the consumers catching up on the shared topics keep the machine busy for a while
@AutoConfigureWebTestClient(timeout = "30s")
@Import(WholeBodies.class)
public @interface PartnerStreamsIntegrationTest {
}
