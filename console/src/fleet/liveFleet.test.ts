import { describe, expect, it } from "vitest";
import { backoffMs, mergeFleet } from "./liveFleet";
import type { FleetEntry } from "./fleet";

const entry = (displayId: string, name: string, online: boolean) => ({ displayId, name, online } as FleetEntry);

describe("the live fleet", () => {
  it("puts a changed display's entry in place of its old one and a new display where its name sorts", () => {
    const current = [entry("1", "Bar", false), entry("2", "foyer", false)];
    const merged = mergeFleet(current, [entry("2", "foyer", true), entry("3", "Entrance", true)]);
    expect(merged?.map((each) => [each.displayId, each.online])).toEqual([["1", false], ["3", true], ["2", true]]);
  });

  it("waits for the fleet's first read before merging into it", () => {
    expect(mergeFleet(undefined, [entry("1", "Bar", true)])).toBeUndefined();
  });

  it("retries after 1 s, doubling to at most 30 s", () => {
    expect([0, 1, 2, 5, 10].map(backoffMs)).toEqual([1_000, 2_000, 4_000, 30_000, 30_000]);
  });
});
