package io.vizora.partner.webhooks;

import io.netty.channel.ChannelOption;
import io.vizora.partner.feed.Feed;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * One signed POST of one event to a webhook; a 2xx answer is delivery, anything else (or nothing)
 * is not. Redirects are never followed, since one could lead past the address check, and the
 * connection is made only to addresses the check passed, resolved once for it ({@link CheckedAddresses}).
 */
public final class WebhookSender {

    /** The outcome of one attempt: delivered, or why not. */
    public record Attempt(boolean delivered, String error) {
    }

    private final WebhookTargets targets;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    public WebhookSender(WebhookTargets targets, Duration timeout, Clock clock) {
        this.targets = targets;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.create().resolver(new CheckedAddresses(targets)).followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .responseTimeout(timeout);
    }

    public Mono<Attempt> send(String url, String secret, Feed.Entry entry) {
        return Mono.defer(() -> {
            var uri = URI.create(url);
            // a clear refusal before anything is sent; the connection checks the addresses it uses again
            targets.requirePublic(uri.getHost());
            var timestamp = clock.instant().getEpochSecond();
            var signature = WebhookSignature.sign(secret, entry.eventId().toString(), timestamp, entry.event());
            return http.headers(headers -> headers
                            .set("Content-Type", "application/cloudevents+json")
                            .set("User-Agent", "Vizora-Webhooks/1")
                            .set("webhook-id", entry.eventId().toString())
                            .set("webhook-timestamp", Long.toString(timestamp))
                            .set("webhook-signature", signature))
                    .post().uri(uri).send(ByteBufFlux.fromString(Mono.just(entry.event())))
                    .responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
                    // the response timeout stops counting once headers arrive: this one covers a body that never ends
                    .timeout(timeout);
        }).subscribeOn(Schedulers.boundedElastic()).map(status -> status / 100 == 2
                        ? new Attempt(true, null)
                        : new Attempt(false, "the receiver answered HTTP " + status))
                .onErrorResume(e -> Mono.just(new Attempt(false, describe(e))));
    }

    /** A refused address says why in its own words; anything else by its kind and message, briefly. */
    private static String describe(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException refused) {
                return brief(refused.getMessage());
            }
        }
        return brief(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    private static String brief(String message) {
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
