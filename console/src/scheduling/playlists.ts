import { useQuery } from "@tanstack/react-query";
import { commands, dataOf } from "../api/clients";

export function usePlaylists() {
  return useQuery({ queryKey: ["playlists"], queryFn: () => dataOf(commands.GET("/api/v1/playlists")) });
}

export type Playlist = NonNullable<ReturnType<typeof usePlaylists>["data"]>[number];

export function usePlaylist(playlistId: string) {
  return useQuery({
    queryKey: ["playlists", playlistId],
    queryFn: () => dataOf(commands.GET("/api/v1/playlists/{playlistId}", { params: { path: { playlistId } } })),
  });
}

/** The library's items by id, for names and types wherever content is referred to; empty until it loads. */
export function useContentById() {
  const content = useQuery({ queryKey: ["content"], queryFn: () => dataOf(commands.GET("/api/v1/content")) });
  return { content, byId: new Map((content.data ?? []).map((item) => [item.contentId, item])) };
}

/** The If-Match of an update made from a version: the API refuses it (412) if someone saved another meanwhile. */
export function ifMatch(version: number) {
  return { "If-Match": `"${version}"` };
}
