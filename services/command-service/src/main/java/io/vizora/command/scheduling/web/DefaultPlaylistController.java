package io.vizora.command.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vizora.command.identity.web.Callers;
import io.vizora.command.scheduling.application.DefaultPlaylistService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/organisation/default-playlist")
@Tag(name = "Playlists")
class DefaultPlaylistController {

    /** playlistId null (or absent) clears the default. */
    record DefaultPlaylist(UUID playlistId) {
    }

    private final DefaultPlaylistService defaults;

    DefaultPlaylistController(DefaultPlaylistService defaults) {
        this.defaults = defaults;
    }

    @GetMapping
    @Operation(summary = "The organisation's default playlist, played where no campaign and no display default plays")
    Mono<DefaultPlaylist> get(@AuthenticationPrincipal Object principal) {
        return defaults.get(Callers.of(principal)).map(playlist -> new DefaultPlaylist(playlist.orElse(null)));
    }

    @PutMapping
    @Operation(summary = "Set or clear (playlistId null) the organisation's default playlist (admins and owners)")
    Mono<DefaultPlaylist> set(@AuthenticationPrincipal Object principal, @RequestBody DefaultPlaylist request) {
        return defaults.set(Callers.of(principal), request.playlistId()).map(playlist -> new DefaultPlaylist(playlist.orElse(null)));
    }
}
