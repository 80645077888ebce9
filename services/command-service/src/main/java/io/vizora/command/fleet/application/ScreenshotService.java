package io.vizora.command.fleet.application;

import io.vizora.command.domain.RuleViolation;
import io.vizora.command.fleet.persistence.DisplayRepository;
import io.vizora.command.fleet.persistence.ScreenshotRepository;
import io.vizora.command.fleet.persistence.ScreenshotRepository.Screenshot;
import io.vizora.command.identity.application.Authorization;
import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.Permission;
import io.vizora.command.web.DomainProblem;
import io.vizora.outbox.OutboxEvent;
import io.vizora.outbox.OutboxWriter;
import io.vizora.outbox.Principal;
import io.vizora.platform.objectstore.ObjectStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Screenshots from a display's side (an upload URL, then the confirmation that checks the image and
 * emits {@code screenshot_taken}) and from an operator's (the display's screenshots with links).
 */
@Service
public class ScreenshotService {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    static final Duration UPLOAD_VALIDITY = Duration.ofMinutes(5);
    static final Duration VIEW_VALIDITY = Duration.ofMinutes(15);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    public record UploadTicket(UUID screenshotId, String uploadUrl, Instant expiresAt, long maxBytes) {
    }

    public record Taken(UUID screenshotId, UUID displayId, UUID commandId, Instant takenAt, String mediaType, long sizeBytes) {
        public static final String TYPE = "vizora.fleet.screenshot_taken.v1";
    }

    /** A taken screenshot with a link to the image that works for {@code urlExpiresAt}. */
    public record Listed(UUID screenshotId, UUID commandId, Instant takenAt, long sizeBytes, String url, Instant urlExpiresAt) {
    }

    private final ScreenshotRepository screenshots;
    private final DisplayRepository displays;
    private final ObjectStore store;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;

    public ScreenshotService(ScreenshotRepository screenshots, DisplayRepository displays, ObjectStore store, OutboxWriter outbox,
                             TransactionalOperator transaction) {
        this.screenshots = screenshots;
        this.displays = displays;
        this.store = store;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    static String objectKey(UUID organisationId, UUID displayId, UUID screenshotId) {
        return "screenshots/" + organisationId + "/" + displayId + "/" + screenshotId + ".png";
    }

    /** A paired display asks where to upload a screenshot (for {@code commandId}, if a command asked for it). */
    public Mono<UploadTicket> requestUpload(UUID organisationId, UUID displayId, UUID commandId) {
        var screenshotId = UUID.randomUUID();
        var key = objectKey(organisationId, displayId, screenshotId);
        return paired(organisationId, displayId)
                .then(screenshots.request(screenshotId, organisationId, displayId, commandId, key))
                .then(Mono.fromCallable(() -> store.presignedPut(key, UPLOAD_VALIDITY)).subscribeOn(Schedulers.boundedElastic()))
                .map(url -> new UploadTicket(screenshotId, url, Instant.now().plus(UPLOAD_VALIDITY), MAX_BYTES));
    }

    /**
     * The display says the upload is done: the image must be there, a PNG and no larger than
     * {@link #MAX_BYTES}; then it is taken, once. Confirming again answers the same.
     */
    public Mono<Taken> confirm(UUID organisationId, UUID displayId, UUID screenshotId) {
        return paired(organisationId, displayId)
                .then(screenshots.find(displayId, screenshotId))
                .switchIfEmpty(Mono.error(() -> Authorization.notFound("screenshot", screenshotId)))
                .flatMap(shot -> shot.takenAt() != null ? Mono.just(taken(shot, shot.takenAt(), shot.sizeBytes()))
                        : Mono.fromCallable(() -> checkedSize(shot.objectKey())).subscribeOn(Schedulers.boundedElastic())
                                .flatMap(size -> {
                                    var taken = taken(shot, Instant.now(), size);
                                    return screenshots.taken(screenshotId, taken.takenAt(), size)
                                            .filter(first -> first)
                                            .flatMap(first -> outbox.append(new OutboxEvent(Taken.TYPE, screenshotId.toString(), organisationId,
                                                    Principal.device(displayId), taken)))
                                            .as(transaction::transactional)
                                            .thenReturn(taken);
                                }));
    }

    public Flux<Listed> list(Caller caller, UUID displayId, int limit) {
        return Authorization.require(caller, Permission.FLEET_READ)
                .then(displays.find(caller.organisationId(), displayId))
                .switchIfEmpty(Mono.error(() -> Authorization.notFound("display", displayId)))
                .thenMany(screenshots.taken(caller.organisationId(), displayId, limit))
                .flatMapSequential(shot -> Mono.fromCallable(() -> new Listed(shot.screenshotId(), shot.commandId(), shot.takenAt(),
                        shot.sizeBytes(), store.presignedGet(shot.objectKey(), VIEW_VALIDITY), Instant.now().plus(VIEW_VALIDITY)))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    private static Taken taken(Screenshot shot, Instant at, long size) {
        return new Taken(shot.screenshotId(), shot.displayId(), shot.commandId(), at, "image/png", size);
    }

    private Mono<Void> paired(UUID organisationId, UUID displayId) {
        return displays.find(organisationId, displayId)
                .switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.UNAUTHORIZED, "Not paired",
                        "Display " + displayId + " is not paired any more; pair the screen again.")))
                .then();
    }

    /** The uploaded image's size once it checks out; a bad one is removed, so the display can upload again. */
    private long checkedSize(String key) {
        var size = store.sizeIfPresent(key);
        if (size.isEmpty()) {
            throw new RuleViolation("Invalid screenshot", List.of("nothing was uploaded to the screenshot's upload URL"));
        }
        var problem = size.getAsLong() > MAX_BYTES ? "the image is " + size.getAsLong() + " bytes; a screenshot may have at most " + MAX_BYTES
                : size.getAsLong() < PNG_SIGNATURE.length || !isPng(key) ? "the upload is not a PNG image" : null;
        if (problem != null) {
            store.remove(key);
            throw new RuleViolation("Invalid screenshot", List.of(problem));
        }
        store.copy(key, key, "image/png");
        return size.getAsLong();
    }

    private boolean isPng(String key) {
        try (var in = store.get(key)) {
            return Arrays.equals(in.readNBytes(PNG_SIGNATURE.length), PNG_SIGNATURE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
