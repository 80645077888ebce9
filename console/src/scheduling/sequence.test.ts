import { describe, expect, it } from "vitest";
import { changesBetween, durationProblem, formatDuration, moved, playingAt, strip, totalDurationMs } from "./sequence";

const items = [
  { key: "a", contentId: "poster", durationMs: 10_000 },
  { key: "b", contentId: "menu", durationMs: 30_000 },
  { key: "c", contentId: "poster", durationMs: 20_000 },
];

describe("a playlist's sequence", () => {
  it("lasts the sum of its items, said in words", () => {
    expect(totalDurationMs(items)).toBe(60_000);
    expect(formatDuration(60_000)).toBe("1 min");
    expect(formatDuration(5_400_000)).toBe("1 h 30 min");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
    expect(formatDuration(0)).toBe("0 s");
  });

  it("accepts durations from one second to a day", () => {
    expect(durationProblem(0.5)).toBeDefined();
    expect(durationProblem(Number.NaN)).toBeDefined();
    expect(durationProblem(1)).toBeUndefined();
    expect(durationProblem(86_400)).toBeUndefined();
    expect(durationProblem(86_401)).toBeDefined();
  });

  it("moves an item to where it is dropped, keeping the others in order", () => {
    expect(moved(items, 0, 2).map((item) => item.key)).toEqual(["b", "c", "a"]);
    expect(moved(items, 2, 0).map((item) => item.key)).toEqual(["c", "a", "b"]);
  });

  it("draws each item to scale and knows which one plays at any moment of the loop", () => {
    expect(strip(items).map((entry) => entry.share)).toEqual([1 / 6, 1 / 2, 1 / 3]);
    expect(strip(items)[2]!.startMs).toBe(40_000);
    expect(playingAt(items, 9_999)).toBe(0);
    expect(playingAt(items, 10_000)).toBe(1);
    expect(playingAt(items, 65_000)).toBe(0);
    expect(playingAt([], 1_000)).toBe(-1);
  });

  it("says what someone else changed meanwhile", () => {
    const before = { name: "Lunch", items: [{ contentId: "poster", durationMs: 10_000 }] };
    const after = { name: "Lunch menu", items: [{ contentId: "menu", durationMs: 5_000 }] };
    expect(changesBetween(before, after, (id) => id.toUpperCase()))
      .toEqual(['renamed it from "Lunch" to "Lunch menu"', "set its items to: MENU (5 s)"]);
    expect(changesBetween(before, before, String)).toEqual([]);
  });
});
