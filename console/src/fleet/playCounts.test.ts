import { describe, expect, it } from "vitest";
import { localDay, playCounts } from "./playCounts";

describe("the dashboard's play figures", () => {
  it("count today's plays and every failure of the report", () => {
    const stats = { rows: [{ key: "2026-12-04", plays: 40, failed: 2 }, { key: "2026-12-05", plays: 12, failed: 1 }] };
    expect(playCounts(stats, "2026-12-05")).toEqual({ today: 12, failed: 3 });
    expect(playCounts({ rows: [] }, "2026-12-05")).toEqual({ today: 0, failed: 0 });
  });

  it("name the operator's own date, which is not UTC's for much of the day outside UTC", () => {
    expect(localDay(new Date(2026, 11, 5, 0, 30))).toBe("2026-12-05");
    expect(localDay(new Date(2026, 11, 5, 23, 30))).toBe("2026-12-05");
    expect(localDay(new Date(2026, 0, 9))).toBe("2026-01-09");
  });
});
