import { describe, expect, it } from "vitest";
import { displaysOf } from "./CalendarPage";
import type { FleetEntry } from "../fleet/fleet";

const entry = (displayId: string, groupIds: string[], tags: string[]) => ({ displayId, name: displayId, groupIds, tags } as unknown as FleetEntry);

describe("the calendar's choice", () => {
  it("names the displays of a display, a group or a tag, and none until something is chosen", () => {
    const fleet = [entry("a", ["lobby"], ["menu"]), entry("b", [], ["menu"]), entry("c", ["lobby"], [])];
    expect(displaysOf(fleet, "group", "lobby").map((each) => each.displayId)).toEqual(["a", "c"]);
    expect(displaysOf(fleet, "tag", "menu").map((each) => each.displayId)).toEqual(["a", "b"]);
    expect(displaysOf(fleet, "display", "b").map((each) => each.displayId)).toEqual(["b"]);
    expect(displaysOf(fleet, "group", "")).toEqual([]);
  });
});
