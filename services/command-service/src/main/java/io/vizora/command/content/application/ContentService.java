package io.vizora.command.content.application;

import io.vizora.command.CommandEvents;
import io.vizora.command.content.domain.ContentEvents;
import io.vizora.command.content.domain.ContentKind;
import io.vizora.command.content.domain.ContentRules;
import io.vizora.command.content.domain.WebPage;
import io.vizora.command.content.persistence.ContentRepository;
import io.vizora.command.content.persistence.ContentRepository.Content;
import io.vizora.command.content.persistence.ContentRepository.User;
import io.vizora.command.content.storage.ContentStorage;
import io.vizora.command.content.storage.ContentStorage.Stored;
import io.vizora.command.domain.RuleViolation;
import io.vizora.command.identity.application.Authorization;
import io.vizora.command.identity.domain.Caller;
import io.vizora.command.identity.domain.Permission;
import io.vizora.command.web.DomainProblem;
import io.vizora.outbox.OutboxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The content library: files streamed through the service or uploaded by presigned URL and then
 * confirmed, and web pages by URL. A file is stored before its row and event are committed; if
 * the commit fails, the file is removed again, so no event ever names a missing file.
 */
@Service
@EnableConfigurationProperties(ContentProperties.class)
public class ContentService {

    public record Upload(UUID contentId, String uploadUrl, String method, Instant expiresAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(ContentService.class);
    /** Chunks requested ahead from the request body while the store reads it. */
    private static final int BODY_DEMAND = 8;

    /** Long enough for an operator's visit to the library; the list is read again on each visit. */
    private static final java.time.Duration PREVIEW_VALIDITY = java.time.Duration.ofHours(1);

    private final ContentRepository contents;
    private final ContentStorage storage;
    private final ContentProperties properties;
    private final ContentRules rules;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;

    public ContentService(ContentRepository contents, ContentStorage storage, ContentProperties properties,
                          OutboxWriter outbox, TransactionalOperator transaction) {
        this.contents = contents;
        this.storage = storage;
        this.properties = properties;
        this.rules = properties.rules();
        this.outbox = outbox;
        this.transaction = transaction;
    }

    /** Streams a file into the store; {@code declaredLength} is the request's Content-Length, or -1. */
    public Mono<Content> upload(Caller caller, String name, Flux<DataBuffer> body, long declaredLength) {
        var contentId = UUID.randomUUID();
        var key = ContentStorage.objectKey(caller.organisationId(), contentId);
        return Authorization.require(caller, Permission.CONTENT_MANAGE)
                .then(declaredLength > rules.maxBytes() ? Mono.error(tooLarge(declaredLength)) : Mono.empty())
                .then(Mono.fromCallable(() -> storage.store(key, DataBufferUtils.subscriberInputStream(body, BODY_DEMAND), rules))
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(stored -> {
                    var content = ready(contentId, name, stored);
                    return contents.insert(caller.organisationId(), content)
                            .then(emitUploaded(caller, content))
                            .as(transaction::transactional)
                            .onErrorResume(failed -> removeFile(key).then(Mono.error(failed)))
                            .thenReturn(content);
                });
    }

    public Mono<Content> addWebPage(Caller caller, String name, String url) {
        return Authorization.require(caller, Permission.CONTENT_MANAGE)
                .then(Mono.fromCallable(() -> WebPage.of(url)))
                .flatMap(page -> {
                    var content = new Content(UUID.randomUUID(), name.strip(), ContentKind.WEB.code(), "ready", "text/html", 0L,
                            page.sha256(), null, page.url().toString(), Instant.now());
                    return contents.insert(caller.organisationId(), content)
                            .then(emitUploaded(caller, content))
                            .as(transaction::transactional)
                            .thenReturn(content);
                });
    }

    /** Hands out a presigned PUT URL for a large file; the item stays pending until confirmed. */
    public Mono<Upload> startUpload(Caller caller, String name) {
        var contentId = UUID.randomUUID();
        var key = ContentStorage.objectKey(caller.organisationId(), contentId);
        var expiresAt = Instant.now().plus(properties.uploadUrlValidity());
        var pending = new Content(contentId, name.strip(), ContentKind.VIDEO.code(), "pending", null, null, null, key, null, Instant.now());
        return Authorization.require(caller, Permission.CONTENT_MANAGE)
                .then(contents.insert(caller.organisationId(), pending))
                .then(Mono.fromCallable(() -> storage.uploadUrl(ContentStorage.uploadKey(caller.organisationId(), contentId),
                        properties.uploadUrlValidity())).subscribeOn(Schedulers.boundedElastic()))
                .map(url -> new Upload(contentId, url, "PUT", expiresAt));
    }

    /**
     * Seals and checks what was uploaded to the presigned URL (a second confirm answers the item
     * as it is); content that is not playable is removed, row and file. While the store does not
     * answer, the item stays pending and the upload where it was.
     */
    public Mono<Content> confirmUpload(Caller caller, UUID contentId) {
        return Authorization.require(caller, Permission.CONTENT_MANAGE)
                .then(contents.find(caller.organisationId(), contentId))
                .switchIfEmpty(Mono.error(() -> Authorization.notFound("content", contentId)))
                .flatMap(content -> content.ready() ? Mono.just(content) : verify(caller, content));
    }

    private Mono<Content> verify(Caller caller, Content pending) {
        var upload = ContentStorage.uploadKey(caller.organisationId(), pending.contentId());
        return Mono.fromCallable(() -> storage.seal(upload, pending.objectKey(), rules)).subscribeOn(Schedulers.boundedElastic())
                // only content refused by its checks goes; a store that did not answer leaves the item pending, to confirm again
                .onErrorResume(RuleViolation.class, refused -> contents.delete(caller.organisationId(), pending.contentId()).then(Mono.error(refused)))
                .flatMap(verified -> verified.isEmpty()
                        ? Mono.error(new DomainProblem(HttpStatus.CONFLICT, "Nothing uploaded",
                                "Nothing has been uploaded for content " + pending.contentId() + " yet; PUT the file to its upload URL first."))
                        : Mono.just(ready(pending.contentId(), pending.name(), verified.get())))
                .flatMap(content -> contents.markReady(caller.organisationId(), content.contentId(), content.kind(), content.mediaType(),
                                content.sizeBytes(), content.sha256())
                        .flatMap(marked -> marked ? emitUploaded(caller, content) : Mono.empty())
                        .as(transaction::transactional)
                        .then(contents.find(caller.organisationId(), content.contentId())));
    }

    /** Renames an item; a pending one has had no event yet, so its name simply travels with its upload. */
    public Mono<Content> rename(Caller caller, UUID contentId, String name) {
        var stripped = name.strip();
        return Authorization.require(caller, Permission.CONTENT_MANAGE)
                .then(contents.findForUpdate(caller.organisationId(), contentId))
                .switchIfEmpty(Mono.error(() -> Authorization.notFound("content", contentId)))
                .flatMap(content -> contents.rename(caller.organisationId(), contentId, stripped)
                        .then(content.ready()
                                ? outbox.append(CommandEvents.by(caller, ContentEvents.Renamed.TYPE, contentId,
                                        new ContentEvents.Renamed(contentId, stripped))).then()
                                : Mono.empty()))
                .then(contents.find(caller.organisationId(), contentId))
                .as(transaction::transactional);
    }

    /** Deletes an item nobody uses; an item in a playlist is refused with 409 naming its users. */
    public Mono<Void> delete(Caller caller, UUID contentId) {
        return Authorization.require(caller, Permission.CONTENT_MANAGE)
                .then(contents.findForUpdate(caller.organisationId(), contentId))
                .switchIfEmpty(Mono.error(() -> Authorization.notFound("content", contentId)))
                .flatMap(content -> contents.users(caller.organisationId(), contentId).collectList()
                        .flatMap(users -> users.isEmpty() ? Mono.just(content) : Mono.error(inUse(contentId, users))))
                .flatMap(content -> contents.delete(caller.organisationId(), contentId)
                        .then(content.ready()
                                ? outbox.append(CommandEvents.by(caller, ContentEvents.Deleted.TYPE, contentId, new ContentEvents.Deleted(contentId))).then()
                                : Mono.empty())
                        .thenReturn(content))
                .as(transaction::transactional)
                .flatMap(content -> content.objectKey() == null ? Mono.empty() : removeFile(content.objectKey()));
    }

    /** A link to look at a ready file for a while (thumbnails, previews); none for web pages or files still uploading. */
    public java.util.Optional<String> previewUrl(Content content) {
        return content.ready() && content.objectKey() != null
                ? java.util.Optional.of(storage.downloadUrl(content.objectKey(), PREVIEW_VALIDITY)) : java.util.Optional.empty();
    }

    public Mono<Content> get(Caller caller, UUID contentId) {
        return Authorization.require(caller, Permission.CONTENT_READ)
                .then(contents.find(caller.organisationId(), contentId))
                .switchIfEmpty(Mono.error(() -> Authorization.notFound("content", contentId)));
    }

    public Flux<Content> list(Caller caller) {
        return Authorization.require(caller, Permission.CONTENT_READ).thenMany(contents.all(caller.organisationId()));
    }

    private Content ready(UUID contentId, String name, Stored stored) {
        var kind = rules.kindOf(stored.mediaType()).orElseThrow();
        return new Content(contentId, name.strip(), kind.code(), "ready", stored.mediaType(), stored.sizeBytes(), stored.sha256(),
                stored.objectKey(), null, Instant.now());
    }

    private Mono<Void> emitUploaded(Caller caller, Content content) {
        var event = new ContentEvents.Uploaded(content.contentId(), content.name(), content.kind(), content.mediaType(),
                content.sizeBytes(), content.sha256(), content.objectKey(), content.url());
        return outbox.append(CommandEvents.by(caller, ContentEvents.Uploaded.TYPE, content.contentId(), event)).then();
    }

    /** Best effort after the commit: a file left behind is an orphan in the store, never a dangling reference. */
    private Mono<Void> removeFile(String key) {
        return Mono.fromRunnable(() -> storage.remove(key)).subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(failed -> {
                    log.atWarn().addKeyValue("objectKey", key).log("could not remove a content file; it is left as an orphan");
                    return Mono.empty();
                })
                .then();
    }

    private DomainProblem tooLarge(long length) {
        return new DomainProblem(HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                "The file is " + length + " bytes; no content may exceed " + rules.maxBytes() + " bytes. "
                        + "Images may be up to " + properties.maxImageSize().toBytes() + " bytes, video up to "
                        + properties.maxVideoSize().toBytes() + " bytes.");
    }

    private static DomainProblem inUse(UUID contentId, List<User> users) {
        var campaigns = users.stream().filter(user -> user.kind().equals("campaign")).map(ContentService::named).collect(Collectors.joining(", "));
        var playlists = users.stream().filter(user -> user.kind().equals("playlist")).map(ContentService::named).collect(Collectors.joining(", "));
        var detail = new StringBuilder("Content " + contentId + " is in use");
        if (!campaigns.isEmpty()) {
            detail.append("; published campaigns play it: ").append(campaigns);
        }
        detail.append("; it is in playlists: ").append(playlists).append(". Remove it from them first.");
        return new DomainProblem(HttpStatus.CONFLICT, "Content in use", detail.toString())
                .with("campaigns", users.stream().filter(user -> user.kind().equals("campaign")).map(ContentService::reference).toList())
                .with("playlists", users.stream().filter(user -> user.kind().equals("playlist")).map(ContentService::reference).toList());
    }

    private static Map<String, Object> reference(User user) {
        return Map.of("id", user.id(), "name", user.name());
    }

    private static String named(User user) {
        return "'" + user.name() + "' (" + user.id() + ")";
    }
}
