package io.vizora.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A packaged service jar run as its own OS process against the test stack (it inherits the
 * stack's environment), so a test can kill -9 it like a crash would: started on a port of its own,
 * its output in a log file, stopped when the test is done.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    // a test JVM that ends without closing what it started (a setup that failed half way, a
    // fork killed by its timeout) takes its services with it rather than leave them running
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.stream().filter(Process::isAlive).forEach(Process::destroyForcibly),
                "service-processes-stop"));
    }

    /** Netty's own leak detection, as ops/stack.sh runs services: for benchmarks, which measure what a deployment does. */
    public static final String DEPLOYED_LEAK_DETECTION = "-Dio.netty.leakDetection.level=simple";

    private final List<String> command;
    private final Path log;
    // where this run's output starts in the log, which earlier runs' output precedes
    private long logStart;
    private final int port;
    private Process process;

    private ServiceProcess(List<String> command, Path log, int port) {
        this.command = command;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code jar} on {@code port} (0: a free one) with {@code args} after the port. The suite
     * starts about twenty services on two cores: they compile with C1 alone and collect with the
     * serial collector, whose start costs about 5 % less CPU than G1's (command service, ready
     * from its extracted jar: 11.2-11.7 s of CPU against 12.0-13.1 s, 2026-12-06).
     */
    public static ServiceProcess start(Path jar, String name, int port, String... args) throws IOException {
        return start(jar, name, port, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), args);
    }

    /** As {@link #start(Path, String, int, String...)}, with these JVM options. */
    public static ServiceProcess start(Path jar, String name, int port, List<String> jvmOptions, String... args) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package it first (make build, or the reactor's package phase)");
        }
        var chosen = port == 0 ? freePort() : port;
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        // sampled with access records: paranoid in every process of the system under test starves two cores; jvmOptions may choose another level
        command.add("-Dio.netty.leakDetection.level=advanced");
        command.addAll(jvmOptions);
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-jar", runnable(jar).toString(), "--server.port=" + chosen));
        command.addAll(List.of(args));
        var service = new ServiceProcess(command, Path.of("target", name + ".log"), chosen);
        service.launch();
        return service;
    }

    /**
     * A Spring Boot jar extracted beside itself (once per build of the jar), as ops/stack.sh runs
     * services (ADR 0024): classes read from plain jars start a service about a third faster than
     * from nested ones, and the suite starts services some twenty times. Other jars run as they are.
     */
    private static synchronized Path runnable(Path jar) throws IOException {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            if (zip.getEntry("BOOT-INF/") == null) {
                return jar;
            }
        }
        var destination = jar.toAbsolutePath().resolveSibling("extracted").resolve(jar.getFileName().toString().replaceFirst("\\.jar$", ""));
        var extracted = destination.resolve(jar.getFileName());
        if (Files.exists(extracted) && !Files.getLastModifiedTime(jar).toInstant().isAfter(Files.getLastModifiedTime(extracted).toInstant())) {
            return extracted;
        }
        deleteRecursively(destination);
        var java = ProcessHandle.current().info().command().orElse("java");
        var extraction = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", destination.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!extraction.waitFor(2, TimeUnit.MINUTES) || extraction.exitValue() != 0) {
                throw new IllegalStateException("could not extract " + jar);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + jar, e);
        }
        return extracted;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void launch() throws IOException {
        Files.createDirectories(log.getParent());
        if (process == null) {
            logStart = Files.exists(log) ? Files.size(log) : 0;
        }
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        RUNNING.removeIf(running -> !running.isAlive());
        RUNNING.add(process);
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits until the health endpoint answers UP (or {@code contains}, if given). */
    public ServiceProcess awaitHealth(String contains) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(() -> health().contains(contains));
        return this;
    }

    public ServiceProcess awaitUp() {
        return awaitHealth("\"status\":\"UP\"");
    }

    public String health() {
        return get("/actuator/health");
    }

    public String get(String path) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the process exited; its log: " + log.toAbsolutePath());
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * The body of a resource that must be there: any failure, status other than 200 or a wait over a
     * minute (a hang guard for documents built on first request on a busy machine) throws.
     */
    public String read(String path) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url(path) + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** kill -9: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts the same command again (same port), as after a crash. */
    public ServiceProcess restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("still running");
        }
        launch();
        return this;
    }

    /** Stops the process, and fails if Netty's leak detector (paranoid in tests) reported a leaked buffer in its log. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output;
        try (var channel = java.nio.channels.FileChannel.open(log)) {
            output = new String(java.nio.channels.Channels.newInputStream(channel.position(logStart)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log.toAbsolutePath(), e);
        }
        if (output.contains("LEAK: ")) {
            throw new AssertionError("Netty reported a leaked buffer in " + log.toAbsolutePath());
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
