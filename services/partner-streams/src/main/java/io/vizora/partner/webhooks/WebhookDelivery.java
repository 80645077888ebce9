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
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers each webhook its organisation's events one at a time, in feed order: an event that
 * fails is retried with growing waits (later events wait behind it, so receivers see the feed's
 * order), and after the last attempt it becomes a dead letter and delivery moves on. A webhook is
 * delivered under a lease that every update names, so two instances never deliver it at once.
 * Woken by appends; also looks every poll interval for webhooks whose retry is due.
 */
@Component
public class WebhookDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final int BATCH = 8;
    private static final int PARALLEL = 4;
    private static final int EVENTS_PER_LEASE = 200;
    // a lease outlasts the work done under it (two waves of PARALLEL, each at most a minute plus one timeout)
    private static final Duration WORK_PER_LEASE = Duration.ofMinutes(1);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final Webhooks webhooks;
    private final Feed feed;
    private final FeedSignals signals;
    private final PartnerProperties.Webhooks settings;
    private final RetrySchedule retries;
    private final WebhookSender sender;
    private volatile Disposable running;

    public WebhookDelivery(Webhooks webhooks, Feed feed, FeedSignals signals, PartnerProperties properties, WebhookSender sender) {
        this.webhooks = webhooks;
        this.feed = feed;
        this.signals = signals;
        this.settings = properties.webhooks();
        this.retries = new RetrySchedule(settings.firstRetry(), settings.maxRetry());
        this.sender = sender;
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

    /** One round: the due webhooks with something to deliver, a few at a time (each costs a database connection at times). */
    Mono<Void> deliverDue() {
        return webhooks.leaseDue(BATCH, LEASE).flatMap(this::deliver, PARALLEL).then();
    }

    /**
     * Delivers what the webhook has waiting, in order, until an event fails, the lease is lost (another
     * instance took over, or the webhook was deleted) or this lease's working time is up.
     */
    private Mono<Void> deliver(Webhooks.Webhook webhook) {
        var failures = new AtomicInteger(webhook.attempts());
        var until = System.nanoTime() + WORK_PER_LEASE.toNanos();
        return feed.after(webhook.organisationId(), webhook.position(), EVENTS_PER_LEASE).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(entry -> System.nanoTime() > until ? Mono.just(false) : step(webhook, entry, failures))
                .takeUntil(goOn -> !goOn)
                .then(webhooks.release(webhook))
                .onErrorResume(e -> {
                    log.atWarn().addKeyValue("webhook", webhook.id()).log("webhook delivery stopped; its lease is given back once the database answers: {}",
                            e.toString());
                    giveBack(webhook);
                    return Mono.empty();
                });
    }

    /**
     * A round broken off by the database (a restart, say) left the webhook leased: it would wait
     * for the lease to run out, five minutes. The lease is given back as soon as the database
     * answers, in the background, so the rounds of the other webhooks go on meanwhile. Giving back
     * names the lease: one that ran out and was taken by another instance is left alone. A second
     * passes first, so that a round that keeps breaking is not tried again at once, over and over.
     */
    private void giveBack(Webhooks.Webhook webhook) {
        Mono.delay(Duration.ofSeconds(1)).then(webhooks.release(webhook))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
                .timeout(LEASE)
                .subscribe(null, gaveUp -> log.atWarn().addKeyValue("webhook", webhook.id()).log("the lease runs out instead: {}", gaveUp.toString()));
    }

    /** Emits whether delivery goes on with the next event. */
    private Mono<Boolean> step(Webhooks.Webhook webhook, Feed.Entry entry, AtomicInteger failures) {
        if (!webhook.wants(entry.type())) {
            return webhooks.advance(webhook, entry.position());
        }
        return sender.send(webhook.url(), webhook.secret(), entry).flatMap(attempt -> {
            if (attempt.delivered()) {
                failures.set(0);
                return webhooks.advance(webhook, entry.position());
            }
            var attempts = failures.incrementAndGet();
            if (attempts >= settings.maxAttempts()) {
                failures.set(0);
                log.atWarn().addKeyValue("webhook", webhook.id()).addKeyValue("event", entry.eventId())
                        .log("webhook event dead-lettered after {} attempts: {}", attempts, attempt.error());
                return webhooks.deadLetter(webhook, entry.position(), entry.eventId(), entry.type(), attempts, attempt.error());
            }
            return webhooks.failed(webhook, attempts, attempt.error(), retries.after(attempts, ThreadLocalRandom.current())).thenReturn(false);
        });
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
