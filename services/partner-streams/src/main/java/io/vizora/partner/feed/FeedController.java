package io.vizora.partner.feed;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.vizora.platform.security.ApiKeyDirectory;
import io.vizora.platform.openapi.ApiSchemes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The organisation's feed for partners: {@code GET /partner/v1/events?after=N} answers the events
 * after position N in order (a JSON array of CloudEvents, the batched format); with {@code wait},
 * an empty answer is held until an event arrives or the wait ends (long poll). A partner stores
 * the last position it processed and asks from there: nothing is missed, nothing comes twice.
 */
@RestController
@RequestMapping("/partner/v1")
@SecurityRequirement(name = ApiSchemes.API_KEY)
class FeedController {

    static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");
    static final String NEXT_CURSOR = "Vizora-Next-After";
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_WAIT_SECONDS = 30;

    private final Feed feed;
    private final FeedSignals signals;

    FeedController(Feed feed, FeedSignals signals) {
        this.feed = feed;
        this.signals = signals;
    }

    @GetMapping(value = "/events", produces = {"application/cloudevents-batch+json", MediaType.APPLICATION_JSON_VALUE})
    Mono<ResponseEntity<String>> events(@AuthenticationPrincipal ApiKeyDirectory.Holder partner,
                                        @RequestParam(defaultValue = "0") long after,
                                        @RequestParam(defaultValue = "100") int limit,
                                        @RequestParam(defaultValue = "0") int wait) {
        if (after < 0 || limit < 1 || limit > MAX_LIMIT || wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "after must be 0 or more, limit 1 to " + MAX_LIMIT + ", wait 0 to " + MAX_WAIT_SECONDS + " seconds");
        }
        var organisation = partner.organisationId();
        return poll(organisation, after, limit, Duration.ofSeconds(wait))
                .map(entries -> ResponseEntity.ok().contentType(BATCH)
                        .header(NEXT_CURSOR, Long.toString(entries.isEmpty() ? after : entries.getLast().position()))
                        .body(entries.stream().map(Feed.Entry::event).collect(java.util.stream.Collectors.joining(",", "[", "]"))));
    }

    /** Listens before it looks, so an event appended between the look and the wait still wakes it. */
    private Mono<List<Feed.Entry>> poll(UUID organisation, long after, int limit, Duration wait) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> woken = Sinks.empty();
            var listening = signals.grown(organisation).subscribe(grown -> woken.tryEmitEmpty());
            return feed.after(organisation, after, limit).collectList()
                    .flatMap(entries -> entries.isEmpty() && !wait.isZero()
                            ? woken.asMono().timeout(wait, Mono.empty()).then(feed.after(organisation, after, limit).collectList())
                            : Mono.just(entries))
                    .doFinally(signal -> listening.dispose());
        });
    }
}
