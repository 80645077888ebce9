package io.vizora.edge;

import io.vizora.testsupport.TestStack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation a service publishes in its OpenAPI document (the one the console's typed client
 * is generated from, `openapi/`) must reach that service through the edge: the first of the
 * edge's routes its path and method match must be the service's. A read the edge sent to the
 * wrong service answered 404 in the console, and no test of either side could see it (ADR 0045).
 */
class EdgeRoutesTests {

    private static final String ROUTES = "spring.cloud.gateway.server.webflux.routes";
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS");

    /** One route as the gateway reads it: where it sends, the paths and the methods it takes (none named: every one). */
    private record Route(String id, String service, List<PathPattern> paths, Set<String> methods) {

        boolean matches(String path, String method) {
            var container = PathContainer.parsePath(path);
            return paths.stream().anyMatch(pattern -> pattern.matches(container)) && (methods.isEmpty() || methods.contains(method));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-service", "projector", "partner-streams"})
    void everyOperationOfAServicesDocumentIsRoutedToThatService(String service) throws IOException {
        var routes = routes();
        var document = JsonMapper.shared().readTree(TestStack.repositoryRoot().resolve("openapi").resolve(service + ".json").toFile());
        var misrouted = new ArrayList<String>();
        for (var path : document.path("paths").propertyNames()) {
            // a template's variables stand for one segment each
            var concrete = path.replaceAll("\\{[^}/]+}", "x");
            for (var method : document.path("paths").path(path).propertyNames()) {
                var verb = method.toUpperCase(Locale.ROOT);
                if (!METHODS.contains(verb)) {
                    continue; // a path item's parameters or summary
                }
                var first = routes.stream().filter(route -> route.matches(concrete, verb)).findFirst();
                if (first.map(route -> !route.service().equals(service)).orElse(true)) {
                    misrouted.add(verb + " " + path + " -> " + first.map(Route::id).orElse("no route"));
                }
            }
        }
        assertThat(misrouted).as("operations of " + service + " the edge sends elsewhere").isEmpty();
    }

    /** The edge's routes in their order, from its own settings. */
    private static List<Route> routes() throws IOException {
        var settings = new YamlPropertySourceLoader().load("edge", new ClassPathResource("application.yaml"));
        var routes = new ArrayList<Route>();
        for (int i = 0; value(settings, ROUTES + "[" + i + "].id").isPresent(); i++) {
            var prefix = ROUTES + "[" + i + "].";
            var paths = new ArrayList<PathPattern>();
            var methods = new java.util.HashSet<String>();
            for (int p = 0; value(settings, prefix + "predicates[" + p + "]").isPresent(); p++) {
                var predicate = value(settings, prefix + "predicates[" + p + "]").orElseThrow();
                var arguments = Arrays.stream(predicate.substring(predicate.indexOf('=') + 1).split(",")).map(String::strip).toList();
                if (predicate.startsWith("Path=")) {
                    arguments.forEach(pattern -> paths.add(PathPatternParser.defaultInstance.parse(pattern)));
                } else if (predicate.startsWith("Method=")) {
                    methods.addAll(arguments);
                }
            }
            // uri: ${vizora.edge.<service>}
            var uri = value(settings, prefix + "uri").orElseThrow();
            routes.add(new Route(value(settings, prefix + "id").orElseThrow(), uri.substring("${vizora.edge.".length(), uri.length() - 1), paths, methods));
        }
        assertThat(routes).as("the edge's routes").isNotEmpty();
        return routes;
    }

    private static Optional<String> value(List<PropertySource<?>> settings, String key) {
        return settings.stream().map(source -> source.getProperty(key)).filter(java.util.Objects::nonNull).map(Object::toString).findFirst();
    }
}
