import type { FleetEntry, Status } from "./fleet";
import { statusOf } from "./fleet";

export interface DisplayFilter {
  search: string;
  status: Status | "";
  groupId: string;
  tag: string;
  sort: "name" | "lastSeen";
}

/** The rows the displays table shows: matching every filter, in the chosen order. */
export function filterDisplays(entries: readonly FleetEntry[], filter: DisplayFilter): FleetEntry[] {
  const search = filter.search.trim().toLowerCase();
  const rows = entries.filter((entry) =>
    (!search || entry.name.toLowerCase().includes(search) || entry.tags.some((tag) => tag.toLowerCase().includes(search)))
    && (!filter.status || statusOf(entry) === filter.status)
    && (!filter.groupId || entry.groupIds.includes(filter.groupId))
    && (!filter.tag || entry.tags.includes(filter.tag)));
  return rows.sort(filter.sort === "name"
    ? (a, b) => a.name.localeCompare(b.name)
    : (a, b) => (b.lastSeenAt ?? "").localeCompare(a.lastSeenAt ?? ""));
}

/** Every tag used in the fleet, for the tag filter. */
export function tagsOf(entries: readonly FleetEntry[]): string[] {
  return [...new Set(entries.flatMap((entry) => entry.tags))].sort();
}
