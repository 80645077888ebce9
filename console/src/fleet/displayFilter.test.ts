import { describe, expect, it } from "vitest";
import { filterDisplays, tagsOf, type DisplayFilter } from "./displayFilter";
import type { FleetEntry } from "./fleet";

const display = (name: string, fields: Partial<FleetEntry>): FleetEntry => ({
  displayId: name, name, timeZone: "UTC", groupIds: [], tags: [], online: true, outOfSyncSince: null, lastSeenAt: null, ...fields,
} as unknown as FleetEntry);

const fleet = [
  display("Lobby", { tags: ["floor-1"], groupIds: ["g1"], lastSeenAt: "2026-12-05T06:00:00Z" }),
  display("Café", { tags: ["floor-2"], online: false, lastSeenAt: "2026-12-05T07:00:00Z" }),
  display("Atrium", { tags: ["floor-1"], outOfSyncSince: "2026-12-05T06:30:00Z" }),
];
const none: DisplayFilter = { search: "", status: "", groupId: "", tag: "", sort: "name" };

describe("the displays table's rows", () => {
  it("are sorted by name, or by who was seen last", () => {
    expect(filterDisplays(fleet, none).map((d) => d.name)).toEqual(["Atrium", "Café", "Lobby"]);
    expect(filterDisplays(fleet, { ...none, sort: "lastSeen" }).map((d) => d.name)).toEqual(["Café", "Lobby", "Atrium"]);
  });

  it("match a search in names and tags, in any case", () => {
    expect(filterDisplays(fleet, { ...none, search: "FLOOR-2" }).map((d) => d.name)).toEqual(["Café"]);
    expect(filterDisplays(fleet, { ...none, search: "lob" }).map((d) => d.name)).toEqual(["Lobby"]);
  });

  it("match every filter at once: status, group and tag", () => {
    expect(filterDisplays(fleet, { ...none, status: "out of sync" }).map((d) => d.name)).toEqual(["Atrium"]);
    expect(filterDisplays(fleet, { ...none, status: "offline" }).map((d) => d.name)).toEqual(["Café"]);
    expect(filterDisplays(fleet, { ...none, tag: "floor-1", groupId: "g1" }).map((d) => d.name)).toEqual(["Lobby"]);
  });

  it("offer every tag in use once", () => {
    expect(tagsOf(fleet)).toEqual(["floor-1", "floor-2"]);
  });
});
