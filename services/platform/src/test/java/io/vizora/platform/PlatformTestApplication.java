package io.vizora.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application that pulls in every client the platform configures. */
@SpringBootApplication
public class PlatformTestApplication {
}
