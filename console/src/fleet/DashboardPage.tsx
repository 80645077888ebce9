import { useQuery } from "@tanstack/react-query";
import { dataOf, reads } from "../api/clients";
import { Failed, Loading } from "../design/StateViews";
import { useCampaignNames, useFleet, statusOf, type FleetEntry } from "./fleet";
import { localDay, playCounts, type PlayStats } from "./playCounts";

function Metric({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="card metric">
      <div className="value">{value}</div>
      <div className="label">{label}</div>
    </div>
  );
}

/** What the online screens report they show now, counted by campaign (or default playlist). */
function showingNow(entries: FleetEntry[], campaignNames: Map<string, string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const shown = entry.online && entry.showing?.screen !== "blank" ? entry.showing?.playing : undefined;
    if (shown?.contentId) {
      const name = shown.campaignId ? campaignNames.get(shown.campaignId) ?? "a campaign" : "a default playlist";
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * Plays by day for yesterday and today, from the plays store; a store that does not answer leaves
 * only these two figures blank. The store counts each play on its display's local date, so "today"
 * is the operator's own date, not UTC's, which is another day for much of it outside UTC.
 */
function usePlayCounts() {
  const today = new Date();
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  return useQuery({
    queryKey: ["plays", localDay(today)],
    queryFn: async () => playCounts(await dataOf(reads.GET("/api/v1/stats/plays", {
      params: { query: { from: localDay(yesterday), to: localDay(today), by: "day" } },
    })) as unknown as PlayStats, localDay(today)),
    refetchInterval: 60_000,
  });
}

export function DashboardPage() {
  const fleet = useFleet();
  const campaignNames = useCampaignNames();
  const plays = usePlayCounts();
  if (fleet.isPending) {
    return <Loading what="the fleet" />;
  }
  if (fleet.isError) {
    return <Failed error={fleet.error} retry={() => void fleet.refetch()} />;
  }
  const count = (status: string) => fleet.data.filter((entry) => statusOf(entry) === status).length;
  const now = showingNow(fleet.data, campaignNames);
  const figure = (value: number | undefined) => (plays.isError ? "–" : value ?? "…");
  return (
    <>
      <h1>Dashboard</h1>
      <section className="cards" aria-label="Displays">
        <Metric label="Online" value={count("online")} />
        <Metric label="Out of sync" value={count("out of sync")} />
        <Metric label="Offline" value={count("offline")} />
        <Metric label="Displays" value={fleet.data.length} />
      </section>
      <section className="cards" aria-label="Plays">
        <Metric label="Plays today" value={figure(plays.data?.today)} />
        <Metric label="Failed plays since yesterday" value={figure(plays.data?.failed)} />
      </section>
      {plays.isError && <p className="muted" role="status">Play statistics are not available right now.</p>}
      <section className="card" aria-labelledby="now-playing">
        <h2 id="now-playing">Showing now</h2>
        {now.length === 0 ? <p className="muted">No online display reports showing anything.</p> : (
          <ul aria-label="Showing now">{now.map(([what, displays]) => <li key={what}>{what}: {displays} display{displays === 1 ? "" : "s"}</li>)}</ul>
        )}
      </section>
    </>
  );
}
