package io.vizora.agent.playback;

import io.vizora.agent.journal.Play;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
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

    /**
     * Asks the address for the page and reads its answer's status and headers only: its body is
     * left unread, since one that is large, streams for ever or stalls would hold the player here.
     * A page that forbids being shown inside another page (the kiosk page shows it in a frame) is a
     * failure too: it would show an empty box, counted as played.
     */
    private Optional<Play.Failure> check(String url) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            if (response.statusCode() >= 400) {
                return Optional.of(new Play.Failure("load", url + " answered " + response.statusCode()));
            }
            return framingRefused(response.headers()).map(why -> new Play.Failure("load", url + " refuses to be shown inside another page (" + why + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Play.Failure("load", "interrupted"));
        } catch (Exception e) {
            return Optional.of(new Play.Failure("load", url + " did not answer: " + e));
        }
    }

    /** The header that forbids framing the page anywhere the kiosk page is, if one does. */
    static Optional<String> framingRefused(HttpHeaders headers) {
        var frameOptions = headers.firstValue("X-Frame-Options").map(String::strip).orElse("");
        if (frameOptions.equalsIgnoreCase("DENY") || frameOptions.equalsIgnoreCase("SAMEORIGIN")) {
            return Optional.of("X-Frame-Options: " + frameOptions);
        }
        for (var policy : headers.allValues("Content-Security-Policy")) {
            for (var directive : policy.split(";")) {
                var words = directive.strip().split("\\s+");
                // only "*" lets every page frame it: the kiosk page's origin is the screen's own loopback
                if (words[0].equalsIgnoreCase("frame-ancestors") && java.util.Arrays.stream(words).skip(1).noneMatch("*"::equals)) {
                    return Optional.of("Content-Security-Policy: " + directive.strip());
                }
            }
        }
        return Optional.empty();
    }
}
