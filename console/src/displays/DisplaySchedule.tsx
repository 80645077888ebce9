import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { dataOf, reads } from "../api/clients";
import { Failed, Loading } from "../design/StateViews";
import { TimelineChart } from "./TimelineChart";

export type Span = 7 | 31;
const DAY = 86_400_000;

/** A week or a month from now: the two spans the projector compiles a timeline for (31 days at most). */
export function SpanChoice({ span, onChange }: { span: Span; onChange(span: Span): void }) {
  return (
    <div role="group" aria-label="Span" className="segmented">
      <button type="button" className="button secondary" aria-pressed={span === 7} onClick={() => onChange(7)}>Week</button>
      <button type="button" className="button secondary" aria-pressed={span === 31} onClick={() => onChange(31)}>Month</button>
    </div>
  );
}

/** Campaigns' names, priorities and kinds by id, for saying why something plays. */
export function useCampaignFacts() {
  const overview = useQuery({ queryKey: ["campaign-overview"], queryFn: () => dataOf(reads.GET("/api/v1/campaign-overview")) });
  return new Map((overview.data ?? []).map((campaign) => [campaign.campaignId, campaign]));
}

/** One display's compiled timeline from now, with every campaign's windows, drawn on its own clock. */
export function DisplaySchedule({ displayId, timeZone, span }: { displayId: string; timeZone: string; span: Span }) {
  const [from] = useState(() => new Date());
  const campaigns = useCampaignFacts();
  const timeline = useQuery({
    queryKey: ["timeline", displayId, span],
    queryFn: () => dataOf(reads.GET("/api/v1/displays/{displayId}/timeline", {
      params: { path: { displayId }, query: { from: from.toISOString(), to: new Date(from.getTime() + span * DAY).toISOString() } },
    })),
  });
  if (timeline.isPending) {
    return <Loading what="the schedule" />;
  }
  if (timeline.isError) {
    return <Failed error={timeline.error} retry={() => void timeline.refetch()} />;
  }
  return <TimelineChart slices={timeline.data.slices} windows={timeline.data.windows ?? []} timeZone={timeZone} campaigns={campaigns} />;
}
