import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { DisplayPage, timeZoneChoices } from "./DisplayPage";
import { renderSignedIn, stubApi } from "../testing/renderSignedIn";

const id = "00000000-0000-4000-8000-0000000000d1";
const campaign = "00000000-0000-4000-8000-0000000000c1";
const answers = {
  [`/api/v1/displays/${id}`]: { displayId: id, name: "Window", timeZone: "Europe/Paris", groupIds: [], tags: ["menu"], pairedAt: "2026-12-01T10:00:00Z" },
  [`/api/v1/displays/${id}/timeline`]: { displayId: id, from: "2026-12-05T11:00:00Z", to: "2026-12-06T11:00:00Z", slices: [
    { start: "2026-12-05T11:00:00Z", end: "2026-12-05T17:00:00Z", source: "CAMPAIGN", campaignIds: [campaign], items: [] },
    { start: "2026-12-05T17:00:00Z", end: "2026-12-06T11:00:00Z", source: "BLANK", campaignIds: [], items: [] },
  ] },
  "/api/v1/campaign-overview": [{ campaignId: campaign, name: "Winter warmers", priority: 200, kind: "normal", state: "published" }],
  "/api/v1/fleet": [], "/api/v1/display-groups": [], "/api/v1/playlists": [],
  [`/api/v1/displays/${id}/commands`]: [], [`/api/v1/displays/${id}/screenshots`]: [],
};


describe("a display's page", () => {
  it("draws what it will play on its own clock and says why", async () => {
    stubApi("viewer", answers);
    renderSignedIn(<Routes><Route path="/displays/:displayId" element={<DisplayPage />} /></Routes>, `/displays/${id}`);
    await screen.findByLabelText("12:00–18:00: Winter warmers, the highest priority here (200)");
    expect(screen.getByLabelText("18:00–24:00: nothing: no campaign and no default playlist")).toBeTruthy();
    expect(screen.getByRole("list", { name: "What the colours mean" }).textContent).toContain("Winter warmers, the highest priority here (200)");
  });

  it("shows a viewer its settings and only the buttons that change the view", async () => {
    stubApi("viewer", answers);
    renderSignedIn(<Routes><Route path="/displays/:displayId" element={<DisplayPage />} /></Routes>, `/displays/${id}`);
    await screen.findByRole("heading", { name: "Window" });
    expect(screen.getAllByRole("button").map((button) => button.textContent)).toEqual(["Week", "Month"]);
    expect(screen.getByLabelText("Name").matches(":disabled")).toBe(true);
  });

  it("says when the screen's browser keeps failing, how often it was started again and why", async () => {
    stubApi("viewer", { ...answers, "/api/v1/fleet": [{ displayId: id, name: "Window", timeZone: "Europe/Paris", groupIds: [], tags: [],
      online: true, lastSeenAt: "2026-12-05T11:00:00Z",
      showing: { screen: "playing", browser: { state: "failing", restarts: 6, detail: "exited with status 139" }, reportedAt: "2026-12-05T11:00:00Z" } }] });
    renderSignedIn(<Routes><Route path="/displays/:displayId" element={<DisplayPage />} /></Routes>, `/displays/${id}`);
    expect((await screen.findByText(/^browser failing/)).textContent).toBe("browser failing, started again 6× (last: exited with status 139)");
  });

  it("offers the display's own time zone even when the browser does not list it", () => {
    expect(timeZoneChoices("UTC", ["Europe/Paris"])).toEqual(["UTC", "Europe/Paris"]);
    expect(timeZoneChoices("Europe/Paris", ["Europe/Paris"])).toEqual(["Europe/Paris"]);
  });
});
