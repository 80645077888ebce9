package io.vizora.command;

import io.vizora.testsupport.WholeBodies;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The command service on a random port against the real test stack; one context for all. Every
 * test client comes from 127.0.0.1, so the address limits are lifted here; RateLimitIntegrationTests
 * checks them with clients of their own addresses. Content limits are small, so oversized files are cheap;
 * what Redis lost of the revocations is looked for every second.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vizora.web.rate-limit.per-address.capacity=1000000",
        "vizora.web.rate-limit.authentication-per-address.capacity=1000000",
        "vizora.content.max-image-size=1MB", "vizora.content.max-video-size=2MB", "vizora.access.restore-check=PT1S"})
@AutoConfigureWebTestClient
@Import(WholeBodies.class)
public @interface CommandServiceIntegrationTest {
}
