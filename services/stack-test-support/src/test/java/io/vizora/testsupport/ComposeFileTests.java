package io.vizora.testsupport;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * compose/docker-compose.yml cannot be run where Vizora is developed (no Docker engine, ADR 0001),
 * so it is read here and held to what a deployment would otherwise only find out by failing:
 * every service module runs, everything long-running says when it is healthy, nothing starts before
 * what it needs, Kafka is a KRaft cluster of three, and no secret is written into the file.
 */
class ComposeFileTests {

    private static final Path ROOT = repositoryRoot();
    private static final Path COMPOSE_DIR = ROOT.resolve("compose");
    private static final String COMPOSE_TEXT = read(COMPOSE_DIR.resolve("docker-compose.yml"));
    private static final Map<String, Object> COMPOSE = parse(COMPOSE_TEXT);
    private static final Map<String, Map<String, Object>> SERVICES = services();

    /** Names of variables that hold credentials; their values belong in files, never in the compose file. */
    private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|ACCESS_KEY|PRIVATE_KEY|CREDENTIAL|API_KEY");
    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(VIZORA_[A-Z0-9_]+)");

    @Test
    void everyServiceModuleRunsInTheComposeFile() {
        assertThat(SERVICES.keySet()).as("compose services").containsAll(serviceModules());
    }

    @Test
    void everyBuiltServiceIsAServiceModuleAndGetsTheJarItsPomPackages() {
        var built = builtServices();
        assertThat(built).as("compose services built from the repository").containsExactlyInAnyOrderElementsOf(serviceModules());
        for (var name : built) {
            var build = map(SERVICES.get(name).get("build"));
            assertThat(COMPOSE_DIR.resolve(String.valueOf(build.get("context"))).normalize()).as(name + " build context").isEqualTo(ROOT);
            assertThat(ROOT.resolve(String.valueOf(build.get("dockerfile")))).as(name + " Dockerfile").isRegularFile();
            var finalName = pom(name).getElementsByTagName("finalName").item(0).getTextContent().trim();
            assertThat(map(build.get("args")).get("JAR")).as(name + " jar").isEqualTo("services/" + name + "/target/" + finalName + ".jar");
        }
    }

    @Test
    void everyLongRunningContainerHasAHealthcheck() {
        var oneShots = oneShots();
        var withoutHealthcheck = new TreeSet<String>();
        SERVICES.forEach((name, service) -> {
            if (oneShots.contains(name)) {
                return;
            }
            var healthcheck = map(service.get("healthcheck"));
            var test = healthcheck.get("test");
            var disabled = Boolean.TRUE.equals(healthcheck.get("disable"))
                    || test == null || test instanceof List<?> list && (list.isEmpty() || "NONE".equals(list.getFirst()));
            if (disabled) {
                withoutHealthcheck.add(name);
            }
        });
        assertThat(withoutHealthcheck).as("long-running containers without a healthcheck").isEmpty();
    }

    @Test
    void everyDependencyWaitsForHealthOrForAOneShotToComplete() {
        var oneShots = oneShots();
        var wrong = new TreeMap<String, String>();
        SERVICES.forEach((name, service) -> dependsOn(service).forEach((dependency, condition) -> {
            var wanted = oneShots.contains(dependency) ? "service_completed_successfully" : "service_healthy";
            if (!SERVICES.containsKey(dependency) || !wanted.equals(condition)) {
                wrong.put(name + " -> " + dependency, condition + " (wants " + wanted + ")");
            }
        }));
        assertThat(wrong).as("depends_on entries not conditioned on health or completion").isEmpty();
        assertThat(oneShots).as("one-shot containers").isNotEmpty().allSatisfy(name ->
                assertThat(String.valueOf(SERVICES.get(name).getOrDefault("restart", "no"))).as(name + " restart policy").isIn("no", "on-failure"));
    }

    @Test
    void kafkaIsThreeOrMoreKraftNodesOfTheClientsVersion() {
        var brokers = new TreeMap<String, Map<String, String>>();
        SERVICES.forEach((name, service) -> {
            if (String.valueOf(service.get("image")).startsWith("apache/kafka:")) {
                brokers.put(name, environment(service));
            }
        });
        assertThat(brokers).as("Kafka brokers").hasSizeGreaterThanOrEqualTo(3);

        var kafkaVersion = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(read(ROOT.resolve("pom.xml")));
        assertThat(kafkaVersion.find()).as("kafka.version in pom.xml").isTrue();
        var nodeIds = new HashSet<String>();
        var controllers = new TreeMap<String, String>();
        brokers.forEach((name, env) -> {
            assertThat(SERVICES.get(name).get("image")).as(name + " image").isEqualTo("apache/kafka:" + kafkaVersion.group(1));
            assertThat(env).as(name + " environment").doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT")
                    .containsKeys("KAFKA_PROCESS_ROLES", "KAFKA_NODE_ID", "CLUSTER_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS");
            assertThat(List.of(env.get("KAFKA_PROCESS_ROLES").split(","))).as(name + " process roles").contains("broker");
            assertThat(nodeIds.add(env.get("KAFKA_NODE_ID"))).as(name + " has a node id of its own").isTrue();
            if (env.get("KAFKA_PROCESS_ROLES").contains("controller")) {
                controllers.put(env.get("KAFKA_NODE_ID"), name);
            }
        });
        assertThat(brokers.values()).extracting(env -> env.get("CLUSTER_ID")).as("cluster ids").containsOnly(brokers.firstEntry().getValue().get("CLUSTER_ID"));

        var voters = new TreeMap<String, String>();
        for (var voter : brokers.firstEntry().getValue().get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(",")) {
            voters.put(voter.substring(0, voter.indexOf('@')), voter.substring(voter.indexOf('@') + 1, voter.lastIndexOf(':')));
        }
        assertThat(voters).as("controller quorum voters (node id = service)").hasSizeGreaterThanOrEqualTo(3).isEqualTo(controllers);
        assertThat(brokers.values()).extracting(env -> env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).as("every node's voters").containsOnly(
                brokers.firstEntry().getValue().get("KAFKA_CONTROLLER_QUORUM_VOTERS"));

        SERVICES.forEach((name, service) -> {
            var bootstrap = environment(service).get("VIZORA_KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap != null) {
                assertThat(hostsOf("VIZORA_KAFKA_BOOTSTRAP_SERVERS", bootstrap)).as(name + " bootstraps from every broker")
                        .containsExactlyInAnyOrderElementsOf(brokers.keySet());
            }
        });
    }

    @Test
    void postgresDecodesItsWriteAheadLogLogically() {
        var postgres = SERVICES.get("postgres");
        assertThat(String.valueOf(postgres.get("image"))).startsWith("postgres:15");
        assertThat(strings(postgres.get("command"))).as("postgres command").contains("wal_level=logical");
    }

    @Test
    void secretsComeFromGitIgnoredFilesAndAreNeverWrittenInline() {
        var declared = map(COMPOSE.get("secrets"));
        assertThat(declared).as("top-level secrets").isNotEmpty();
        declared.forEach((name, definition) -> {
            assertThat(map(definition)).as("secret " + name + " is a file and nothing else").containsOnlyKeys("file");
            assertThat(COMPOSE_DIR.resolve(String.valueOf(map(definition).get("file"))).normalize())
                    .as("secret " + name).startsWithRaw(COMPOSE_DIR.resolve("secrets"));
        });
        assertThat(read(ROOT.resolve(".gitignore")).lines().map(String::trim))
                .as(".gitignore keeps compose/secrets/ out of the repository").containsAnyOf("/compose/secrets/", "compose/secrets/", "/compose/secrets");

        var inline = new TreeSet<String>();
        SERVICES.forEach((name, service) -> {
            environment(service).forEach((variable, value) -> {
                if (variable.endsWith("_FILE")) {
                    if (!value.startsWith("/run/secrets/")) {
                        inline.add(name + ": " + variable + " names no mounted secret");
                    }
                } else if (SECRET_NAME.matcher(variable).find()) {
                    inline.add(name + ": " + variable + " in the environment");
                }
            });
            for (var reference : secretTargets(service).keySet()) {
                if (!declared.containsKey(reference)) {
                    inline.add(name + ": secret " + reference + " is not declared");
                }
            }
        });
        var interpolated = INTERPOLATION.matcher(COMPOSE_TEXT);
        while (interpolated.find()) {
            if (SECRET_NAME.matcher(interpolated.group(1)).find()) {
                inline.add("the file interpolates " + interpolated.group(1) + " from the environment");
            }
        }
        assertThat(inline).as("secrets not read from files").isEmpty();
    }

    /**
     * A service left without a server's address falls back to the local stack's 127.0.0.1 port, and
     * without its password to none: both only show when the container starts. So each module's
     * runtime dependencies decide what its container must be told, and its secrets are exactly
     * those (a secret it does not need is one more place to leak from).
     */
    @Test
    void everyServiceIsToldWhereAndAsWhomToReachTheServersItsModuleUses() {
        for (var name : builtServices()) {
            var dependencies = runtimeDependencies(name);
            var wantedSettings = new TreeSet<String>();
            var wantedSecrets = new TreeSet<String>();
            if (dependencies.stream().anyMatch(Set.of("r2dbc-postgresql", "postgresql", "spring-boot-starter-jdbc", "spring-boot-starter-data-r2dbc")::contains)) {
                wantedSettings.add("VIZORA_POSTGRES_HOST");
                wantedSecrets.add("VIZORA_POSTGRES_PASSWORD");
            }
            if (dependencies.contains("spring-boot-starter-data-redis-reactive")) {
                wantedSettings.add("VIZORA_REDIS_HOST");
                wantedSecrets.add("VIZORA_REDIS_PASSWORD");
            }
            if (dependencies.contains("client-v2")) {
                wantedSettings.add("VIZORA_CLICKHOUSE_URL");
                wantedSecrets.add("VIZORA_CLICKHOUSE_PASSWORD");
            }
            if (dependencies.contains("minio")) {
                wantedSettings.add("VIZORA_S3_ENDPOINT");
                wantedSecrets.addAll(List.of("VIZORA_S3_ACCESS_KEY", "VIZORA_S3_SECRET_KEY"));
            }
            if (dependencies.stream().anyMatch(Set.of("kafka-clients", "spring-boot-starter-kafka", "event-consumer")::contains)) {
                wantedSettings.add("VIZORA_KAFKA_BOOTSTRAP_SERVERS");
            }
            placeholders(applicationYaml(name)).stream().filter(variable -> SECRET_NAME.matcher(variable).find()).forEach(wantedSecrets::add);

            var service = SERVICES.get(name);
            if (!wantedSettings.isEmpty()) {   // the edge reaches no server, only the services
                assertThat(environment(service)).as(name + " environment").containsKeys(wantedSettings.toArray(String[]::new));
            }
            assertThat(new TreeSet<>(secretTargets(service).values())).as(name + " secrets, by the variable each is read as").isEqualTo(wantedSecrets);
            assertThat(environment(service).get("SPRING_CONFIG_IMPORT")).as(name + " reads /run/secrets as a config tree").contains("configtree:/run/secrets/");
        }
    }

    /** Postgres creates only its POSTGRES_DB by itself; the databases beside it come from the init script it mounts (ADR 0035). */
    @Test
    void everyDatabaseAServiceIsPointedAtIsCreatedOnPostgresFirstStart() {
        var created = new TreeSet<String>();
        created.add(environment(SERVICES.get("postgres")).get("POSTGRES_DB"));
        Pattern.compile("CREATE DATABASE (\\w+)").matcher(read(COMPOSE_DIR.resolve("postgres-databases.sql"))).results().forEach(match -> created.add(match.group(1)));
        var pointedAt = new TreeMap<String, String>();
        SERVICES.forEach((name, service) -> environment(service).forEach((variable, value) -> {
            if (variable.endsWith("POSTGRES_DATABASE")) {
                pointedAt.put(name + " " + variable, value);
            }
        }));
        assertThat(pointedAt).isNotEmpty();
        pointedAt.forEach((setting, database) -> assertThat(created).as(setting).contains(database));
        assertThat(COMPOSE_TEXT).contains("./postgres-databases.sql:/docker-entrypoint-initdb.d/");
    }

    @Test
    void everyVizoraVariableAServiceIsGivenIsOneItReads() {
        var stackProperties = read(ROOT.resolve("services/platform/src/main/resources/vizora-stack.properties"));
        var unread = new TreeSet<String>();
        for (var name : builtServices()) {
            var yaml = applicationYaml(name);
            var readable = new HashSet<>(placeholders(stackProperties));
            readable.addAll(placeholders(yaml));
            flatten("", parse(yaml)).keySet().stream().filter(key -> key.startsWith("vizora."))
                    .map(key -> key.replace(".", "_").replace("-", "").toUpperCase()).forEach(readable::add);

            var service = SERVICES.get(name);
            var given = new TreeSet<>(secretTargets(service).values());
            environment(service).keySet().stream().filter(variable -> variable.startsWith("VIZORA_")).forEach(given::add);
            given.stream().filter(variable -> !readable.contains(variable)).forEach(variable -> unread.add(name + ": " + variable));
        }
        assertThat(unread).as("variables no service reads (a typo, or a setting that does not exist)").isEmpty();
    }

    @Test
    void everyServerAServiceIsPointedAtAnswersInTheComposeFileAndIsWaitedFor() {
        var answering = new LinkedHashMap<String, String>();
        SERVICES.forEach((name, service) -> {
            answering.put(name, name);
            map(service.get("networks")).values().forEach(network -> strings(map(network).get("aliases"))
                    .forEach(alias -> answering.put(interpolate(alias), name)));
        });
        var problems = new TreeSet<String>();
        SERVICES.forEach((name, service) -> {
            var waitsFor = dependsOn(service).keySet();
            environment(service).forEach((variable, value) -> {
                for (var host : hostsOf(variable, interpolate(value))) {
                    var server = answering.get(host);
                    if (server == null) {
                        problems.add(name + ": " + variable + " points at " + host + ", which no container answers to");
                    } else if (!server.equals(name) && !waitsFor.contains(server)) {
                        problems.add(name + ": " + variable + " points at " + server + ", which it does not wait for");
                    }
                }
            });
        });
        assertThat(problems).as("servers that services are pointed at").isEmpty();
    }

    @Test
    void servicesListenBeyondLoopbackAndAreReadyOnlyWhenEveryHealthContributorIsUp() {
        for (var name : builtServices()) {
            var service = SERVICES.get(name);
            var env = environment(service);
            var port = env.get("SERVER_PORT");
            assertThat(env).as(name + " environment").containsEntry("SERVER_ADDRESS", "0.0.0.0")
                    .containsEntry("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE", "*");
            assertThat(String.join(" ", strings(map(service.get("healthcheck")).get("test"))))
                    .as(name + " healthcheck").contains("http://127.0.0.1:" + port + "/actuator/health/readiness");
            strings(service.get("ports")).forEach(mapping ->
                    assertThat(mapping).as(name + " published port").endsWith(":" + port));
        }
    }

    // --- reading the repository

    private static Path repositoryRoot() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("compose/docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no compose/docker-compose.yml above " + Path.of("").toAbsolutePath());
    }

    /** Directories under services/ with a Spring Boot application: the deployable services. */
    private static Set<String> serviceModules() {
        try (var modules = Files.list(ROOT.resolve("services"))) {
            var names = new TreeSet<String>();
            for (var module : modules.filter(Files::isDirectory).toList()) {
                var main = module.resolve("src/main");
                if (Files.isDirectory(main)) {
                    try (var files = Files.walk(main)) {
                        if (files.anyMatch(file -> file.getFileName().toString().endsWith("Application.java"))) {
                            names.add(module.getFileName().toString());
                        }
                    }
                }
            }
            assertThat(names).as("service modules").isNotEmpty();
            return names;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> builtServices() {
        var built = new TreeSet<String>();
        SERVICES.forEach((name, service) -> {
            if (service.containsKey("build")) {
                built.add(name);
            }
        });
        return built;
    }

    /** What others wait for to complete rather than to be healthy: init containers that exit. */
    private static Set<String> oneShots() {
        var oneShots = new TreeSet<String>();
        SERVICES.values().forEach(service -> dependsOn(service).forEach((dependency, condition) -> {
            if ("service_completed_successfully".equals(condition)) {
                oneShots.add(dependency);
            }
        }));
        return oneShots;
    }

    private static String applicationYaml(String module) {
        var resources = ROOT.resolve("services").resolve(module).resolve("src/main/resources");
        return Stream.of("application.yaml", "application.yml").map(resources::resolve).filter(Files::isRegularFile)
                .findFirst().map(ComposeFileTests::read).orElse("");
    }

    private static org.w3c.dom.Document pom(String module) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(ROOT.resolve("services").resolve(module).resolve("pom.xml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> runtimeDependencies(String module) {
        var artifacts = new TreeSet<String>();
        var dependencies = pom(module).getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            var dependency = (Element) dependencies.item(i);
            var scope = dependency.getElementsByTagName("scope");
            if (scope.getLength() == 0 || !"test".equals(scope.item(0).getTextContent().trim())) {
                artifacts.add(dependency.getElementsByTagName("artifactId").item(0).getTextContent().trim());
            }
        }
        return artifacts;
    }

    private static Set<String> placeholders(String text) {
        var names = new TreeSet<String>();
        var matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    // --- reading the compose file

    private static Map<String, Map<String, Object>> services() {
        var services = new TreeMap<String, Map<String, Object>>();
        map(COMPOSE.get("services")).forEach((name, service) -> services.put(name, map(service)));
        return services;
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        var env = new TreeMap<String, String>();
        var raw = service.get("environment");
        if (raw instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> env.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else {
            for (var entry : strings(raw)) {
                var equals = entry.indexOf('=');
                env.put(equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? "" : entry.substring(equals + 1));
            }
        }
        return env;
    }

    /** The short (list) form starts a dependency without waiting for anything: service_started. */
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        var conditions = new TreeMap<String, String>();
        var raw = service.get("depends_on");
        if (raw instanceof Map<?, ?> entries) {
            entries.forEach((name, settings) -> conditions.put(String.valueOf(name),
                    String.valueOf(map(settings).getOrDefault("condition", "service_started"))));
        } else {
            strings(raw).forEach(name -> conditions.put(name, "service_started"));
        }
        return conditions;
    }

    /** The service's secrets: declared name to the name it is mounted as under /run/secrets/. */
    private static Map<String, String> secretTargets(Map<String, Object> service) {
        var targets = new TreeMap<String, String>();
        if (service.get("secrets") instanceof List<?> secrets) {
            for (var secret : secrets) {
                if (secret instanceof Map<?, ?> longSyntax) {
                    var source = String.valueOf(longSyntax.get("source"));
                    targets.put(source, String.valueOf(longSyntax.get("target") == null ? source : longSyntax.get("target")));
                } else {
                    targets.put(String.valueOf(secret), String.valueOf(secret));
                }
            }
        }
        return targets;
    }

    /** Host names a setting points at, by its name: *_HOST, *_URL, *_URI, *_ENDPOINT, *_BOOTSTRAP_SERVERS. */
    private static Set<String> hostsOf(String variable, String value) {
        var hosts = new LinkedHashSet<String>();
        if (value.isBlank()) {
            return hosts;
        }
        if (variable.endsWith("_HOST")) {
            hosts.add(value);
        } else if (variable.endsWith("_URL") || variable.endsWith("_URI") || variable.endsWith("_ENDPOINT")) {
            hosts.add(URI.create(value).getHost());
        } else if (variable.endsWith("_BOOTSTRAP_SERVERS")) {
            for (var server : value.split(",")) {
                hosts.add(server.substring(0, server.lastIndexOf(':')).trim());
            }
        }
        return hosts;
    }

    /** Compose's interpolation with every variable unset: ${X:-default} is its default. */
    private static String interpolate(String value) {
        var matcher = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?[^}]*}").matcher(value);
        var result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(2) == null ? "" : matcher.group(2)));
        }
        return matcher.appendTail(result).toString().replace("$$", "$");
    }

    private static Map<String, Object> flatten(String prefix, Map<String, Object> tree) {
        var flat = new TreeMap<String, Object>();
        tree.forEach((key, value) -> {
            if (value instanceof Map<?, ?>) {
                flat.putAll(flatten(prefix + key + ".", map(value)));
            } else {
                flat.put(prefix + key, value);
            }
        });
        return flat;
    }

    /** A mapping as a map; anything else (absent, or compose's list forms) as an empty one. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            return Map.of();
        }
        var map = new LinkedHashMap<String, Object>();
        ((Map<Object, Object>) value).forEach((key, entry) -> map.put(String.valueOf(key), entry));
        return map;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> values) {
            var strings = new ArrayList<String>();
            values.forEach(entry -> strings.add(String.valueOf(entry)));
            return strings;
        }
        return List.of(String.valueOf(value));
    }

    private static Map<String, Object> parse(String yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return document == null ? Map.of() : map(document);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
