package io.vizora.partner.webhooks;

import io.vizora.partner.PartnerProperties;
import io.vizora.partner.feed.Feed;
import io.vizora.partner.feed.FeedSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers each webhook its organisation's events one at a time, in feed order: an event that
 * fails is retried with growing waits (later events wait behind it, so receivers see the feed's
 * order), and after the last attempt it becomes a dead letter and delivery moves on. Woken by
 * appends; also looks every poll interval for webhooks whose retry is due.
 */
@Component
public class WebhookDelivery implements SmartLifecycle {

    /** The outcome of one attempt: delivered, or why not. */
    public record Attempt(boolean delivered, String error) {
    }

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final int BATCH = 16;
    private static final int EVENTS_PER_LEASE = 200;
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final Webhooks webhooks;
    private final Feed feed;
    private final FeedSignals signals;
    private final PartnerProperties.Webhooks settings;
    private final RetrySchedule retries;
    private final WebhookTargets targets;
    private final Clock clock;
    private final HttpClient http;
    private volatile Disposable running;

    public WebhookDelivery(Webhooks webhooks, Feed feed, FeedSignals signals, PartnerProperties properties, WebhookTargets targets, Clock clock) {
        this.webhooks = webhooks;
        this.feed = feed;
        this.signals = signals;
        this.settings = properties.webhooks();
        this.retries = new RetrySchedule(settings.firstRetry(), settings.maxRetry());
        this.targets = targets;
        this.clock = clock;
        // never follow redirects: a redirect could lead past the address check
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void start() {
        running = Flux.merge(Flux.interval(settings.pollInterval()), signals.grown())
                .onBackpressureDrop()
                .concatMap(tick -> deliverDue().onErrorResume(e -> {
                    log.warn("webhook delivery round failed: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe();
    }

    /** One round: every due webhook with something to deliver, a few at a time. */
    Mono<Void> deliverDue() {
        return webhooks.leaseDue(BATCH, LEASE).flatMap(this::deliver, BATCH).then();
    }

    private Mono<Void> deliver(Webhooks.Webhook webhook) {
        var failures = new AtomicInteger(webhook.attempts());
        return feed.after(webhook.organisationId(), webhook.position(), EVENTS_PER_LEASE)
                .concatMap(entry -> webhook.wants(entry.type())
                        ? send(webhook.url(), webhook.secret(), entry).flatMap(attempt -> attempt.delivered()
                                ? webhooks.advance(webhook.id(), entry.position()).doOnSuccess(done -> failures.set(0)).thenReturn(true)
                                : failed(webhook, entry, failures, attempt.error()))
                        : webhooks.advance(webhook.id(), entry.position()).thenReturn(true))
                .takeUntil(goOn -> !goOn)
                .then(webhooks.release(webhook.id()));
    }

    /** Emits whether delivery goes on with the next event (it does after a dead letter). */
    private Mono<Boolean> failed(Webhooks.Webhook webhook, Feed.Entry entry, AtomicInteger failures, String error) {
        var attempts = failures.incrementAndGet();
        if (attempts >= settings.maxAttempts()) {
            failures.set(0);
            log.atWarn().addKeyValue("webhook", webhook.id()).addKeyValue("event", entry.eventId())
                    .log("webhook event dead-lettered after {} attempts: {}", attempts, error);
            return webhooks.deadLetter(webhook, entry.position(), entry.eventId(), entry.type(), attempts, error).thenReturn(true);
        }
        return webhooks.failed(webhook.id(), attempts, error, retries.after(attempts, ThreadLocalRandom.current())).thenReturn(false);
    }

    /** One signed POST of one event; a 2xx answer is delivery, anything else (or nothing) is not. */
    public Mono<Attempt> send(String url, String secret, Feed.Entry entry) {
        return Mono.defer(() -> {
            var uri = URI.create(url);
            targets.requirePublic(uri.getHost());
            var timestamp = clock.instant().getEpochSecond();
            var request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                    .header("Content-Type", "application/cloudevents+json")
                    .header("User-Agent", "Vizora-Webhooks/1")
                    .header("webhook-id", entry.eventId().toString())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.sign(secret, entry.eventId().toString(), timestamp, entry.event()))
                    .POST(HttpRequest.BodyPublishers.ofString(entry.event()))
                    .build();
            return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        }).map(response -> response.statusCode() / 100 == 2
                        ? new Attempt(true, null)
                        : new Attempt(false, "the receiver answered HTTP " + response.statusCode()))
                .onErrorResume(e -> Mono.just(new Attempt(false, describe(e))));
    }

    private static String describe(Throwable e) {
        var message = e instanceof IllegalArgumentException ? e.getMessage() : e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    @Override
    public void stop() {
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
