import { useQuery } from "@tanstack/react-query";
import { commands, dataOf } from "../api/clients";

export function useCampaigns() {
  return useQuery({ queryKey: ["campaigns"], queryFn: () => dataOf(commands.GET("/api/v1/campaigns")) });
}

export function useCampaign(campaignId: string) {
  return useQuery({
    queryKey: ["campaigns", campaignId],
    queryFn: () => dataOf(commands.GET("/api/v1/campaigns/{campaignId}", { params: { path: { campaignId } } })),
  });
}

/** Every display of the organisation by name, for choosing targets. */
export function useDisplays() {
  return useQuery({ queryKey: ["displays"], queryFn: () => dataOf(commands.GET("/api/v1/displays")) });
}

/**
 * Where a playlist is on screens now: the published campaigns that play it, and whether it is a
 * default (the organisation's or a display's). Changing such a playlist changes what screens show
 * at once, so it takes the permission to publish; until the lists are in, it counts as not on screens
 * (the service decides in the end).
 */
export function usePlaylistOnScreens(playlistId: string) {
  const campaigns = useCampaigns();
  const displays = useDisplays();
  const organisationDefault = useQuery({
    queryKey: ["organisation-default-playlist"],
    queryFn: () => dataOf(commands.GET("/api/v1/organisation/default-playlist")),
  });
  const playedBy = (campaigns.data ?? []).filter((campaign) => campaign.playlistId === playlistId && campaign.state === "published")
    .map((campaign) => campaign.name);
  const isDefault = organisationDefault.data?.playlistId === playlistId || (displays.data ?? []).some((display) => display.defaultPlaylistId === playlistId);
  return { playedBy, isDefault, onScreens: playedBy.length > 0 || isDefault };
}
