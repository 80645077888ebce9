import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { CampaignsPage } from "./CampaignsPage";
import { localTime } from "./takeover";
import { renderSignedIn, stubApi } from "../testing/renderSignedIn";

const playlistId = "00000000-0000-4000-8000-0000000000b1";
const normal = { campaignId: "00000000-0000-4000-8000-0000000000c1", name: "Winter warmers", playlistId,
  targets: { displayIds: [], groupIds: [], tags: ["menu"] }, startDate: "2026-12-01", endDate: "2026-12-31",
  dayparts: [{ weekdays: ["monday"], start: "07:00", end: "10:30" }], priority: 200, kind: "normal", recurrence: { everyWeeks: 1 },
  state: "published", period: null, updatedAt: "2026-12-01T10:00:00Z", version: 2 };
const takeover = { ...normal, campaignId: "00000000-0000-4000-8000-0000000000c2", name: "Fire drill", kind: "takeover", priority: 1000, dayparts: [],
  targets: { displayIds: [], groupIds: [], tags: [], wholeOrganisation: true }, period: { startsAt: "2026-12-05T11:00:00Z", endsAt: "2026-12-05T11:30:00Z" } };
const answers = { "/api/v1/campaigns": [normal, takeover], "/api/v1/playlists": [{ playlistId, name: "Lunch", items: [], createdAt: "", version: 1 }] };

describe("the campaigns list", () => {
  it("says until when a takeover started now plays and that it targets the whole organisation", async () => {
    stubApi("admin", answers);
    renderSignedIn(<CampaignsPage />);
    const [first, second] = within(await screen.findByRole("list", { name: "Campaigns" })).getAllByRole("listitem");
    expect(first!.textContent).toContain("2026-12-01 – 2026-12-31");
    expect(first!.textContent).not.toContain("whole organisation");
    expect(second!.textContent).toContain(`Takeover until ${localTime("2026-12-05T11:30:00Z")} · whole organisation`);
    expect(second!.textContent).not.toContain("2026-12-01");
  });

  it("links admins to taking over now, and not editors", async () => {
    stubApi("admin", answers);
    const { unmount } = renderSignedIn(<CampaignsPage />);
    expect((await screen.findByRole("link", { name: "Take over now" })).getAttribute("href")).toBe("/campaigns/takeover");
    unmount();
    stubApi("editor", answers);
    renderSignedIn(<CampaignsPage />);
    await screen.findByRole("link", { name: "New campaign" });
    expect(screen.queryByRole("link", { name: "Take over now" })).toBeNull();
  });
});
