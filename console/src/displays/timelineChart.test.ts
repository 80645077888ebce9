import { describe, expect, it } from "vitest";
import { clock, conflicts, days, localTime, why, yielded, type TimelineSlice } from "./timelineChart";

const slice = (start: string, end: string, source: TimelineSlice["source"], campaignIds: string[] = []): TimelineSlice =>
  ({ start, end, source, campaignIds });

describe("a display's timeline as a chart", () => {
  it("reads instants on the screen's own clock", () => {
    expect(localTime(new Date("2026-12-05T13:30:00Z"), "Australia/Sydney")).toEqual({ date: "2026-12-06", minute: 30 });
    expect(localTime(new Date("2026-12-05T13:30:00Z"), "Europe/Paris")).toEqual({ date: "2026-12-05", minute: 870 });
  });

  it("splits a slice crossing the screen's midnight across the days it touches", () => {
    // Paris is UTC+1 in December: 20:00 to 01:00 local
    const chart = days([slice("2026-12-04T19:00:00Z", "2026-12-05T00:00:00Z", "CAMPAIGN", ["c"])], "Europe/Paris");
    expect(chart.map((day) => [day.date, day.segments.map((s) => [clock(s.fromMinute), clock(s.untilMinute)])])).toEqual([
      ["2026-12-04", [["20:00", "24:00"]]],
      ["2026-12-05", [["00:00", "01:00"]]],
    ]);
  });

  it("gives a slice lasting days a full row for each day between", () => {
    const chart = days([slice("2026-12-01T12:00:00Z", "2026-12-04T06:00:00Z", "BLANK")], "UTC");
    expect(chart.map((day) => day.segments.map((s) => [s.fromMinute, s.untilMinute]))).toEqual([[[720, 1440]], [[0, 1440]], [[0, 1440]], [[0, 360]]]);
  });

  it("says why something plays: the winner and its priority, a takeover, a default, or nothing", () => {
    const campaigns = new Map([["a", { name: "Winter", priority: 200, kind: "normal" }], ["b", { name: "Lunch", priority: 200, kind: "normal" }]]);
    expect(why(slice("", "", "CAMPAIGN", ["a"]), campaigns)).toBe("Winter, the highest priority here (200)");
    expect(why(slice("", "", "CAMPAIGN", ["a", "b"]), campaigns)).toBe("Winter and Lunch, sharing the time at priority 200");
    expect(why(slice("", "", "TAKEOVER", ["a"]), campaigns)).toBe("Winter: a takeover, over every normal campaign");
    expect(why(slice("", "", "BLANK"), campaigns)).toBe("nothing: no campaign and no default playlist");
  });
});

describe("conflicts on a display's timeline", () => {
  it("are where a campaign wanted the time and another won, on the screen's clock, with who gave way to whom", () => {
    const slices = [
      slice("2026-12-05T08:00:00Z", "2026-12-05T09:00:00Z", "CAMPAIGN", ["low"]),
      slice("2026-12-05T09:00:00Z", "2026-12-05T10:00:00Z", "CAMPAIGN", ["high"]),
      slice("2026-12-05T10:00:00Z", "2026-12-05T12:00:00Z", "CAMPAIGN", ["low"]),
    ];
    const windows = [
      { campaignId: "low", start: "2026-12-05T08:00:00Z", end: "2026-12-05T12:00:00Z" },
      { campaignId: "high", start: "2026-12-05T09:00:00Z", end: "2026-12-05T10:00:00Z" },
    ];
    const found = conflicts(slices, windows, "Europe/Paris");
    expect(found.map((each) => [each.date, clock(each.fromMinute), clock(each.untilMinute), each.loser])).toEqual([["2026-12-05", "10:00", "11:00", "low"]]);
    const campaigns = new Map([["low", { name: "Lunch", priority: 100, kind: "normal" }], ["high", { name: "Winter", priority: 200, kind: "normal" }]]);
    expect(yielded(found[0]!, campaigns)).toBe("Lunch (priority 100) gives way to Winter, the highest priority here (200)");
  });
});
