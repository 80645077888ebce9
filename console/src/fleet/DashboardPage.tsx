import { playingOf, useCampaignNames, useFleet, statusOf, type FleetEntry } from "./fleet";
import { Failed, Loading } from "../design/StateViews";

function Metric({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="card metric">
      <div className="value">{value}</div>
      <div className="label">{label}</div>
    </div>
  );
}

/** What plays across the fleet now: what each online display should be playing, counted. */
function playingNow(entries: FleetEntry[], campaignNames: Map<string, string>): [string, number][] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const name = entry.online ? playingOf(entry, campaignNames) : null;
    if (name) {
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

export function DashboardPage() {
  const fleet = useFleet();
  const campaignNames = useCampaignNames();
  if (fleet.isPending) {
    return <Loading what="the fleet" />;
  }
  if (fleet.isError) {
    return <Failed error={fleet.error} retry={() => void fleet.refetch()} />;
  }
  const count = (status: string) => fleet.data.filter((entry) => statusOf(entry) === status).length;
  const now = playingNow(fleet.data, campaignNames);
  return (
    <>
      <h1>Dashboard</h1>
      <section className="cards" aria-label="Displays">
        <Metric label="Online" value={count("online")} />
        <Metric label="Out of sync" value={count("out of sync")} />
        <Metric label="Offline" value={count("offline")} />
        <Metric label="Displays" value={fleet.data.length} />
      </section>
      <section className="card" aria-labelledby="now-playing">
        <h2 id="now-playing">Playing now</h2>
        {now.length === 0 ? <p className="muted">No display reports playing anything.</p> : (
          <ul>{now.map(([campaign, displays]) => <li key={campaign}>{campaign}: {displays} display{displays === 1 ? "" : "s"}</li>)}</ul>
        )}
      </section>
    </>
  );
}
