package io.vizora.platform;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test against the real stack that {@code make test} starts. Every such test shares one
 * Spring context, so the suite connects to each server once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = PlatformTestApplication.class,
        properties = "spring.config.import=classpath:vizora-stack.properties")
public @interface StackIntegrationTest {
}
