import { describe, expect, it } from "vitest";
import { controlOf, daypart, describeDaypart, draftOf, newDraft, requestOf } from "./campaignForm";

describe("the campaign form", () => {
  it("starts a new campaign all day, every day, for four weeks from today", () => {
    const draft = newDraft(new Date(2026, 11, 5));
    expect([draft.startDate, draft.endDate]).toEqual(["2026-12-05", "2027-01-01"]);
    expect(describeDaypart(draft.dayparts[0]!)).toBe("every day, all day");
  });

  it("sends tags as typed, trimmed and without blanks, and every rule the API accepts", () => {
    const draft = { ...newDraft(new Date(2026, 0, 1)), name: "Winter", playlistId: "p", tags: " menu, , Lobby ", everyWeeks: 2, kind: "TAKEOVER" as const,
      dayparts: [daypart(["FRIDAY", "SATURDAY"], "20:00", "01:00")] };
    expect(requestOf(draft)).toMatchObject({ targets: { tags: ["menu", "Lobby"] }, recurrence: { everyWeeks: 2 }, kind: "TAKEOVER",
      dayparts: [{ weekdays: ["FRIDAY", "SATURDAY"], start: "20:00", end: "01:00" }] });
  });

  it("reads a campaign back into the form as the API stores it", () => {
    const draft = draftOf({ campaignId: "c", name: "Winter", playlistId: "p", targets: { displayIds: ["d"], groupIds: [], tags: ["menu"] },
      startDate: "2026-12-01", endDate: "2026-12-31", dayparts: [{ weekdays: ["monday"], start: "07:00", end: "10:30" }],
      priority: 200, kind: "takeover", recurrence: { everyWeeks: 1 }, state: "draft", updatedAt: "", version: 3 });
    expect(draft).toMatchObject({ tags: "menu", kind: "TAKEOVER", dayparts: [{ weekdays: ["MONDAY"], start: "07:00", end: "10:30" }] });
  });

  it("says a daypart in words, across midnight too", () => {
    expect(describeDaypart({ weekdays: ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"], start: "07:00", end: "10:30" })).toBe("Mon–Fri, 07:00–10:30");
    expect(describeDaypart({ weekdays: ["saturday", "friday"], start: "20:00", end: "01:00" })).toBe("Fri, Sat, 20:00–01:00 (next day)");
  });

  it("places the API's refusals beside the control that caused them", () => {
    expect(controlOf("dayparts[1].start")).toBe("dayparts.1.start");
    expect(controlOf("targets.tags[0]")).toBe("tags");
    expect(controlOf("recurrence.everyWeeks")).toBe("everyWeeks");
    expect(controlOf("name")).toBe("name");
  });
});
