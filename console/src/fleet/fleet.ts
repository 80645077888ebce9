import { useQuery } from "@tanstack/react-query";
import { commands, dataOf, reads } from "../api/clients";

/**
 * The fleet view (projector): every display with presence, what it should play now and what it shows.
 * Kept current by the live stream (liveFleet.ts); the slow refetch only refreshes "last seen" times.
 */
export function useFleet() {
  return useQuery({ queryKey: ["fleet"], queryFn: () => dataOf(reads.GET("/api/v1/fleet")), refetchInterval: 60_000 });
}

export type FleetEntry = NonNullable<ReturnType<typeof useFleet>["data"]>[number];

export function useGroups() {
  return useQuery({ queryKey: ["display-groups"], queryFn: () => dataOf(commands.GET("/api/v1/display-groups")) });
}

export type Status = "online" | "out of sync" | "offline";

/** One word for a display's state, as the dashboard counts it and the table filters by it. */
export function statusOf(entry: FleetEntry): Status {
  if (!entry.online) {
    return "offline";
  }
  return entry.outOfSyncSince ? "out of sync" : "online";
}

/** Campaigns' names by id, from the campaign overview; empty until it loads. */
export function useCampaignNames(): Map<string, string> {
  const overview = useQuery({ queryKey: ["campaign-overview"], queryFn: () => dataOf(reads.GET("/api/v1/campaign-overview")) });
  return new Map((overview.data ?? []).map((campaign) => [campaign.campaignId, campaign.name]));
}

/** What a display should be playing now, in words: its campaign, a default playlist, or nothing. */
export function playingOf(entry: FleetEntry, campaignNames: Map<string, string>): string | null {
  const playing = entry.playing;
  if (!playing || playing.source === "blank") {
    return null;
  }
  const campaign = playing.campaignIds?.[0];
  if (campaign) {
    return campaignNames.get(campaign) ?? "a campaign";
  }
  return playing.source === "display_default" ? "its default playlist" : "the organisation's default playlist";
}
