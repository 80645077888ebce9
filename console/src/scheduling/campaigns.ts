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
