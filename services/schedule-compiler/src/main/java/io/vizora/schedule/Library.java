package io.vizora.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The organisation's playlists and content, as far as a compilation needs them, and its default
 * playlist. An entry whose content is unknown (deleted, or not yet folded in) is left out.
 */
public record Library(Map<UUID, List<PlaylistEntry>> playlists, Map<UUID, ContentRef> content, Optional<UUID> organisationDefaultPlaylistId) {

    public Library {
        playlists = Map.copyOf(playlists);
        content = Map.copyOf(content);
    }

    /** The playlist's items that a screen can play, in order, attributed to a campaign (or null for defaults). */
    public List<PlayItem> playable(UUID playlistId, UUID campaignId) {
        return playlists.getOrDefault(playlistId, List.of()).stream()
                .filter(entry -> content.containsKey(entry.contentId()))
                .map(entry -> {
                    var ref = content.get(entry.contentId());
                    return new PlayItem(ref.contentId(), ref.url(), ref.sha256(), ref.mediaType(), entry.durationMs(), campaignId);
                })
                .toList();
    }
}
