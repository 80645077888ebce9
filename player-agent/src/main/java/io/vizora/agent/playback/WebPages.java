package io.vizora.agent.playback;

import io.vizora.agent.journal.Play;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live web pages are not cached or verified (nothing fixed to verify): before one is shown the
 * agent checks that its address answers, at most once a {@code recheckEvery} per address, so a page
 * that does not load is reported as a failed play at stage {@code load} and another item stands in.
 */
public final class WebPages {

    private record Checked(Instant at, Optional<Play.Failure> failure) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final Duration recheckEvery;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    public WebPages(HttpClient http, Duration recheckEvery) {
        this.http = http;
        this.recheckEvery = recheckEvery;
    }

    /** Why the page cannot be shown now, if it cannot. */
    public Optional<Play.Failure> problem(String url) {
        if (url == null) {
            return Optional.of(new Play.Failure("load", "the manifest gives no address for this page"));
        }
        var now = Instant.now();
        var known = checked.get(url);
        if (known != null && known.at().plus(recheckEvery).isAfter(now)) {
            return known.failure();
        }
        var failure = check(url);
        checked.put(url, new Checked(now, failure));
        return failure;
    }

    private Optional<Play.Failure> check(String url) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() >= 400
                    ? Optional.of(new Play.Failure("load", url + " answered " + response.statusCode()))
                    : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Play.Failure("load", "interrupted"));
        } catch (Exception e) {
            return Optional.of(new Play.Failure("load", url + " did not answer: " + e));
        }
    }
}
