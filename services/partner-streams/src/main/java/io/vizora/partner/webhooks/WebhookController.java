package io.vizora.partner.webhooks;

import io.vizora.partner.feed.Feed;
import io.vizora.platform.security.OperatorTokens;
import io.vizora.schemas.PublicEvents;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Webhooks of the caller's organisation: register (the signing secret is shown once), list,
 * delete, see dead letters and deliver one again by hand. Another organisation's webhook is 404.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    record Registration(String url, List<String> types) {
    }

    record Registered(UUID webhookId, String url, List<String> types, String secret) {
    }

    record Redelivery(boolean delivered) {
    }

    private static final int MAX_URL_LENGTH = 2000;

    private final Webhooks webhooks;
    private final WebhookSender sender;
    private final WebhookTargets targets;
    private final PublicEvents publicEvents;
    private final Feed feed;

    WebhookController(Webhooks webhooks, WebhookSender sender, WebhookTargets targets, PublicEvents publicEvents, Feed feed) {
        this.webhooks = webhooks;
        this.sender = sender;
        this.targets = targets;
        this.publicEvents = publicEvents;
        this.feed = feed;
    }

    @PostMapping
    Mono<ResponseEntity<Registered>> register(@AuthenticationPrincipal Jwt token, @RequestBody Registration registration) {
        var url = registration.url();
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw badRequest("url is required (at most " + MAX_URL_LENGTH + " characters)");
        }
        if (registration.types() != null && registration.types().contains(null)) {
            throw badRequest("types: an entry is null; name each public event type, or leave types out for every one");
        }
        var types = registration.types() == null || registration.types().isEmpty() ? null : List.copyOf(registration.types());
        if (types != null) {
            types.stream().filter(type -> !publicEvents.isPublic(type)).findFirst().ifPresent(type -> {
                throw badRequest("types: '" + type + "' is not a public event type");
            });
        }
        var secret = WebhookSignature.newSecret();
        // resolving the host may block: not on the event loop
        return Mono.fromCallable(() -> targets.check(url.strip())).subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(IllegalArgumentException.class, refused -> badRequest(refused.getMessage()))
                .flatMap(checked -> webhooks.create(UUID.randomUUID(), OperatorTokens.organisation(token), url.strip(), secret, types))
                .map(view -> ResponseEntity.created(URI.create("/api/v1/webhooks/" + view.webhookId()))
                        .body(new Registered(view.webhookId(), view.url(), view.types(), secret)));
    }

    @GetMapping
    Flux<Webhooks.WebhookView> list(@AuthenticationPrincipal Jwt token) {
        return webhooks.list(OperatorTokens.organisation(token));
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return webhooks.delete(OperatorTokens.organisation(token), id)
                .flatMap(deleted -> deleted ? Mono.just(ResponseEntity.noContent().<Void>build()) : Mono.error(notFound("webhook", id)));
    }

    @GetMapping("/{id}/dead-letters")
    Mono<List<Webhooks.DeadLetter>> deadLetters(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        var organisation = OperatorTokens.organisation(token);
        return webhooks.find(organisation, id).switchIfEmpty(Mono.error(notFound("webhook", id)))
                .flatMap(webhook -> webhooks.deadLetters(organisation, id).collectList());
    }

    /** Delivers a dead letter once more, now; 502 if the receiver still does not take it. */
    @PostMapping("/{id}/dead-letters/{letter}/redeliver")
    Mono<Redelivery> redeliver(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @PathVariable UUID letter) {
        var organisation = OperatorTokens.organisation(token);
        return webhooks.find(organisation, id).switchIfEmpty(Mono.error(notFound("webhook", id)))
                .flatMap(webhook -> webhooks.deadLetter(organisation, id, letter).switchIfEmpty(Mono.error(notFound("dead letter", letter)))
                        .flatMap(dead -> feed.at(organisation, dead.position())
                                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.GONE, "the event is no longer in the feed")))
                                .flatMap(entry -> sender.send(webhook.url(), webhook.secret(), entry)))
                        .flatMap(attempt -> attempt.delivered()
                                ? webhooks.redelivered(letter).thenReturn(new Redelivery(true))
                                : Mono.error(new ResponseStatusException(HttpStatus.BAD_GATEWAY, "not delivered: " + attempt.error()))));
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }

    private static ResponseStatusException notFound(String what, UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what + " " + id);
    }
}
