package io.vizora.edge;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;

/**
 * The edge is only as healthy as what it routes to: one health entry per route target, UP while
 * that service says it is UP, and one for the console's files. A target that is down makes the
 * edge DOWN (not ready), while the other routes keep working.
 */
@Configuration(proxyBeanMethods = false)
class RouteTargetsHealth {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Bean
    HealthContributor routes(EdgeProperties properties) {
        var targets = new LinkedHashMap<String, HealthContributor>();
        properties.targets().forEach((name, uri) -> targets.put(name, new TargetHealth(uri)));
        return CompositeHealthContributor.fromMap(targets);
    }

    @Bean
    HealthContributor console(EdgeProperties properties) {
        return new AbstractHealthIndicator("the console's files cannot be read") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                var index = properties.consoleDir().resolve("index.html");
                (Files.isReadable(index) ? builder.up() : builder.down().withDetail("missing", "index.html: build the console (make build)"))
                        .withDetail("directory", properties.consoleDir().toAbsolutePath().toString());
            }
        };
    }

    private static final class TargetHealth extends AbstractHealthIndicator {

        private final URI target;

        TargetHealth(URI target) {
            super("the service behind this route does not answer");
            this.target = target;
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) throws Exception {
            var response = HTTP.send(HttpRequest.newBuilder(target.resolve("/actuator/health/readiness")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            var up = response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
            (up ? builder.up() : builder.down()).withDetail("target", target.toString()).withDetail("answered", response.statusCode());
        }
    }
}
