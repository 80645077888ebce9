import { useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { useVirtualizer } from "@tanstack/react-virtual";
import { playingOf, useCampaignNames, useFleet, useGroups, statusOf, type FleetEntry, type Status } from "./fleet";
import { filterDisplays, tagsOf, type DisplayFilter } from "./displayFilter";
import { Empty, Failed, Loading } from "../design/StateViews";
import { Choice } from "../design/Choice";
import { mayManageFleet, useOperator } from "../auth/SessionProvider";

const ROW_HEIGHT = 44;
const STATUSES: readonly Status[] = ["online", "out of sync", "offline"];

/** The rows above and below the drawn ones, as padding inside the scroller: the scroll height stays that of every row. */
function padding(items: { start: number; end: number }[], total: number) {
  return { paddingTop: items[0]?.start ?? 0, paddingBottom: total - (items.at(-1)?.end ?? 0) };
}

function when(instant: string | null | undefined): string {
  return instant ? new Date(instant).toLocaleString() : "never";
}

function Row({ entry, groups, campaigns }: { entry: FleetEntry; groups: Map<string, string>; campaigns: Map<string, string> }) {
  const status = statusOf(entry);
  return (
    <>
      <span role="cell"><Link to={`/displays/${entry.displayId}`}>{entry.name}</Link></span>
      <span role="cell" className={`status ${status.replace(/ /g, "-")}`}>{status}</span>
      <span role="cell">{when(entry.lastSeenAt)}</span>
      <span role="cell">{playingOf(entry, campaigns) ?? "nothing"}{entry.playing?.nextAt ? `, changes at ${new Date(entry.playing.nextAt).toLocaleTimeString()}` : ""}</span>
      <span role="cell">{entry.timeZone}</span>
      <span role="cell">{[...entry.groupIds.map((id) => groups.get(id) ?? "…"), ...entry.tags.map((tag) => `#${tag}`)].join(", ")}</span>
    </>
  );
}

/** Every display of the organisation, searchable and filterable; only the rows in view are drawn, so 10,000 scroll smoothly. */
export function DisplaysPage() {
  const operator = useOperator();
  const fleet = useFleet();
  const groups = useGroups();
  const campaignNames = useCampaignNames();
  const [filter, setFilter] = useState<DisplayFilter>({ search: "", status: "", groupId: "", tag: "", sort: "name" });
  const rows = useMemo(() => filterDisplays(fleet.data ?? [], filter), [fleet.data, filter]);
  const groupNames = useMemo(() => new Map((groups.data ?? []).map((group) => [group.groupId, group.name])), [groups.data]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  return (
    <>
      <h1>Displays</h1>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="search">Search</label>
          <input id="search" type="search" value={filter.search} onChange={(event) => setFilter({ ...filter, search: event.target.value })} placeholder="Name or tag" />
        </div>
        <Choice label="Status" none="Any" value={filter.status} onChange={(status) => setFilter({ ...filter, status: status as DisplayFilter["status"] })}
                options={STATUSES.map((status) => ({ value: status, label: status }))} />
        <Choice label="Group" none="Any" value={filter.groupId} onChange={(groupId) => setFilter({ ...filter, groupId })}
                options={(groups.data ?? []).map((group) => ({ value: group.groupId, label: group.name }))} />
        <Choice label="Tag" none="Any" value={filter.tag} onChange={(tag) => setFilter({ ...filter, tag })}
                options={tagsOf(fleet.data ?? []).map((tag) => ({ value: tag, label: tag }))} />
        {mayManageFleet(operator.role) && <Link className="button" to="/displays/pair">Pair a display</Link>}
      </div>
      {fleet.isPending ? <Loading what="displays" /> : fleet.isError ? <Failed error={fleet.error} retry={() => void fleet.refetch()} /> :
        fleet.data.length === 0 ? <Empty>No displays yet. {mayManageFleet(operator.role) ? <Link to="/displays/pair">Pair the first one</Link> : "An admin pairs them."}</Empty> : (
          <div className="table" role="table" aria-label="Displays" aria-rowcount={rows.length + 1}>
            <div role="rowgroup">
              <div className="row head" role="row">
                <span role="columnheader" aria-sort={filter.sort === "name" ? "ascending" : "none"}>
                  <button onClick={() => setFilter({ ...filter, sort: "name" })}>Name</button>
                </span>
                <span role="columnheader">Status</span>
                <span role="columnheader" aria-sort={filter.sort === "lastSeen" ? "descending" : "none"}>
                  <button onClick={() => setFilter({ ...filter, sort: "lastSeen" })}>Last seen</button>
                </span>
                <span role="columnheader">Now and next</span>
                <span role="columnheader">Time zone</span>
                <span role="columnheader">Groups and tags</span>
              </div>
            </div>
            <div className="body" ref={scroller} tabIndex={0} role="rowgroup" aria-label="Display rows">
              <div role="presentation" style={padding(virtual.getVirtualItems(), virtual.getTotalSize())}>
                {virtual.getVirtualItems().map((item) => {
                  const entry = rows[item.index]!;
                  return (
                    <div key={entry.displayId} className="row" role="row" aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                      <Row entry={entry} groups={groupNames} campaigns={campaignNames} />
                    </div>
                  );
                })}
              </div>
            </div>
          </div>
        )}
    </>
  );
}
