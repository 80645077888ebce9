package io.vizora.command.content.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.content.application.ContentService;
import io.vizora.command.content.application.ContentService.Upload;
import io.vizora.command.content.persistence.ContentRepository.Content;
import io.vizora.command.identity.web.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/content")
@Tag(name = "Content")
@Validated
class ContentController {

    record NameRequest(@NotBlank @Size(max = 200) String name) {
    }

    record WebPageRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 2048) String url) {
    }

    private final ContentService contents;

    ContentController(ContentService contents) {
        this.contents = contents;
    }

    // The body is the file's bytes as they are, streamed, not multipart: described as binary, Swagger UI offers a
    // file to send, where springdoc on its own would describe the Flux it is read as (an array of DataBuffer).
    @PostMapping
    @Operation(summary = "Upload a file as the request body (any Content-Type: the type is detected from the bytes); editors and up")
    Mono<ResponseEntity<Content>> upload(@AuthenticationPrincipal Object principal,
                                         @Parameter(description = "the item's name") @RequestParam @NotBlank @Size(max = 200) String name,
                                         @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "the file's bytes",
                                                 content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                                                         schema = @Schema(type = "string", format = "binary")))
                                         @RequestBody Flux<DataBuffer> body, ServerHttpRequest request) {
        return contents.upload(Callers.of(principal), name, body, request.getHeaders().getContentLength()).map(ContentController::created);
    }

    @PostMapping("/web-pages")
    @Operation(summary = "Add a web page by its http(s) address")
    Mono<ResponseEntity<Content>> addWebPage(@AuthenticationPrincipal Object principal, @Valid @RequestBody WebPageRequest request) {
        return contents.addWebPage(Callers.of(principal), request.name(), request.url()).map(ContentController::created);
    }

    @PostMapping("/uploads")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a presigned upload for a large file: PUT it to the URL, then confirm")
    Mono<Upload> startUpload(@AuthenticationPrincipal Object principal, @Valid @RequestBody NameRequest request) {
        return contents.startUpload(Callers.of(principal), request.name());
    }

    @PostMapping("/{contentId}/confirm")
    @Operation(summary = "Confirm a presigned upload: the file is checked like a direct upload, and removed if refused")
    Mono<Content> confirm(@AuthenticationPrincipal Object principal, @PathVariable UUID contentId) {
        return contents.confirmUpload(Callers.of(principal), contentId);
    }

    /** A content item as operators see it: what is stored, and for a ready file a link to look at it for an hour. */
    record ContentView(@JsonUnwrapped Content content, String previewUrl) {
    }

    private ContentView view(Content content) {
        return new ContentView(content, contents.previewUrl(content).orElse(null));
    }

    @GetMapping
    @Operation(summary = "The organisation's content, newest first, each ready file with a preview link valid for an hour")
    Flux<ContentView> list(@AuthenticationPrincipal Object principal) {
        return contents.list(Callers.of(principal)).map(this::view);
    }

    @GetMapping("/{contentId}")
    @Operation(summary = "One content item, a ready file with a preview link valid for an hour; 404 outside the caller's organisation")
    Mono<ContentView> get(@AuthenticationPrincipal Object principal, @PathVariable UUID contentId) {
        return contents.get(Callers.of(principal), contentId).map(this::view);
    }

    @PutMapping("/{contentId}")
    @Operation(summary = "Rename a content item")
    Mono<Content> rename(@AuthenticationPrincipal Object principal, @PathVariable UUID contentId, @Valid @RequestBody NameRequest request) {
        return contents.rename(Callers.of(principal), contentId, request.name());
    }

    @DeleteMapping("/{contentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a content item; 409 naming the campaigns and playlists while it is used")
    Mono<Void> delete(@AuthenticationPrincipal Object principal, @PathVariable UUID contentId) {
        return contents.delete(Callers.of(principal), contentId);
    }

    private static ResponseEntity<Content> created(Content content) {
        return ResponseEntity.created(URI.create("/api/v1/content/" + content.contentId())).body(content);
    }
}
