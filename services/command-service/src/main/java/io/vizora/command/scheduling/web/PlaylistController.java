package io.vizora.command.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.identity.web.Callers;
import io.vizora.command.scheduling.application.PlaylistService;
import io.vizora.command.scheduling.domain.Playlist;
import io.vizora.command.scheduling.persistence.PlaylistRepository.StoredPlaylist;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.vizora.command.web.Preconditions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/playlists")
@Tag(name = "Playlists")
class PlaylistController {

    record ItemRequest(@NotNull UUID contentId, @NotNull Integer durationMs) {
    }

    record PlaylistRequest(@NotBlank @Size(max = 200) String name,
                           @NotNull @Size(max = Playlist.MAX_ITEMS) List<@Valid @NotNull ItemRequest> items) {

        Playlist playlist() {
            return new Playlist(name.strip(), items.stream().map(item -> new Playlist.Item(item.contentId(), item.durationMs())).toList());
        }
    }

    private final PlaylistService playlists;

    PlaylistController(PlaylistService playlists) {
        this.playlists = playlists;
    }

    @PostMapping
    @Operation(summary = "Create a playlist of uploaded content, each item with its duration (editors and up)")
    Mono<ResponseEntity<StoredPlaylist>> create(@AuthenticationPrincipal Object principal, @Valid @RequestBody PlaylistRequest request) {
        return playlists.create(Callers.of(principal), request.playlist())
                .map(playlist -> Preconditions.tagged(ResponseEntity.created(URI.create("/api/v1/playlists/" + playlist.playlistId())),
                        playlist.version(), playlist));
    }

    @GetMapping
    @Operation(summary = "The organisation's playlists")
    Flux<StoredPlaylist> list(@AuthenticationPrincipal Object principal) {
        return playlists.list(Callers.of(principal));
    }

    @GetMapping("/{playlistId}")
    @Operation(summary = "One playlist, its version as the ETag; 404 outside the caller's organisation")
    Mono<ResponseEntity<StoredPlaylist>> get(@AuthenticationPrincipal Object principal, @PathVariable UUID playlistId) {
        return playlists.get(Callers.of(principal), playlistId).map(playlist -> Preconditions.tagged(ResponseEntity.ok(), playlist.version(), playlist));
    }

    @PutMapping("/{playlistId}")
    @Operation(summary = "Replace a playlist's name and items; with If-Match, only if it is still at that version (412 otherwise)")
    Mono<ResponseEntity<StoredPlaylist>> update(@AuthenticationPrincipal Object principal, @PathVariable UUID playlistId,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody PlaylistRequest request) {
        return playlists.update(Callers.of(principal), playlistId, Preconditions.expected(ifMatch), request.playlist())
                .map(playlist -> Preconditions.tagged(ResponseEntity.ok(), playlist.version(), playlist));
    }

    @DeleteMapping("/{playlistId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a playlist; 409 naming the campaigns that play it")
    Mono<Void> delete(@AuthenticationPrincipal Object principal, @PathVariable UUID playlistId) {
        return playlists.delete(Callers.of(principal), playlistId);
    }
}
