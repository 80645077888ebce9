package io.vizora.command.web;

import io.vizora.platform.edge.ProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CommandAdmissionTests {

    private final List<ServerWebExchange> served = new ArrayList<>();
    private final Sinks.Empty<Void> finish = Sinks.empty();

    /** A command that runs until the test lets it finish. */
    private final WebFilterChain command = exchange -> {
        served.add(exchange);
        return finish.asMono();
    };

    private static MockServerWebExchange post(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.post(path));
    }

    private static CommandAdmission admitting(int concurrency, int queue, Duration wait) {
        return new CommandAdmission(new CommandAdmission.Settings(concurrency, queue, wait, List.of("/api/v1/content")), new ProblemWriter());
    }

    @Test
    void aCommandBeyondTheRunningAndTheWaitingOnesIsRefusedAtOnceWithABusyProblemAndRetryAfter() {
        var admission = admitting(1, 1, Duration.ofMinutes(1));
        var running = admission.filter(post("/api/v1/playlists"), command).subscribe();
        var waiting = post("/api/v1/playlists");
        var waits = admission.filter(waiting, command).subscribe();
        var refused = post("/api/v1/playlists");

        admission.filter(refused, command).block(Duration.ofSeconds(5));

        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.getResponse().getBodyAsString().block()).contains("\"title\":\"Busy\"", "retry in a second", "\"requestId\"");
        assertThat(served).hasSize(1);
        assertThat(admission.running()).isEqualTo(1);
        assertThat(admission.waiting()).isEqualTo(1);

        finish.tryEmitEmpty();
        await().until(() -> served.size() == 2);
        assertThat(served.get(1)).isSameAs(waiting);
        dispose(running, waits);
    }

    @Test
    void aCommandThatWaitedTooLongForATurnIsRefused() {
        var admission = admitting(1, 10, Duration.ofMillis(100));
        var running = admission.filter(post("/api/v1/campaigns"), command).subscribe();
        var late = post("/api/v1/campaigns");

        admission.filter(late, command).block(Duration.ofSeconds(5));

        assertThat(late.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(served).hasSize(1);
        assertThat(admission.waiting()).isZero();
        dispose(running);
    }

    @Test
    void readsAndRequestsOutsideTheApiAreNeverHeldBack() {
        var admission = admitting(1, 0, Duration.ofSeconds(1));
        var running = admission.filter(post("/api/v1/playlists"), command).subscribe();

        var read = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/playlists"));
        var device = post("/device/v1/token");
        admission.filter(read, exchange -> Mono.empty()).block(Duration.ofSeconds(5));
        admission.filter(device, exchange -> Mono.empty()).block(Duration.ofSeconds(5));

        assertThat(read.getResponse().getStatusCode()).isNull();
        assertThat(device.getResponse().getStatusCode()).isNull();
        dispose(running);
    }

    @Test
    void aFileStreamedToStorageIsNotHeldBackNorHoldsBackTheCommands() {
        var admission = admitting(1, 0, Duration.ofSeconds(1));
        var upload = admission.filter(post("/api/v1/content"), command).subscribe();

        assertThat(served).hasSize(1);
        assertThat(admission.running()).isZero();
        var next = post("/api/v1/content/web-pages");
        var admitted = admission.filter(next, exchange -> Mono.empty()).subscribe();
        await().until(admitted::isDisposed);
        assertThat(next.getResponse().getStatusCode()).isNull();
        dispose(upload);
    }

    @Test
    void aTurnIsGivenBackWhenTheCommandFailsOrItsClientGoesAway() {
        var admission = admitting(1, 0, Duration.ofSeconds(1));

        var failed = admission.filter(post("/api/v1/playlists"), exchange -> Mono.error(new IllegalStateException("refused by the domain")));
        assertThat(failed.onErrorComplete().block(Duration.ofSeconds(5))).isNull();
        assertThat(admission.running()).isZero();

        var abandoned = admission.filter(post("/api/v1/playlists"), command).subscribe();
        await().until(() -> admission.running() == 1);
        abandoned.dispose();
        await().until(() -> admission.running() == 0);

        var next = post("/api/v1/playlists");
        var served = admission.filter(next, exchange -> Mono.empty()).subscribe();
        await().until(served::isDisposed);
        assertThat(next.getResponse().getStatusCode()).isNull();
    }

    private static void dispose(Disposable... subscriptions) {
        for (var subscription : subscriptions) {
            subscription.dispose();
        }
    }
}
