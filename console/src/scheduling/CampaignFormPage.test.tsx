import { describe, expect, it } from "vitest";
import { fireEvent, screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { CampaignFormPage } from "./CampaignFormPage";
import { problemAnswer, renderSignedIn, stubApi } from "../testing/renderSignedIn";

const id = "00000000-0000-4000-8000-0000000000c1";
const playlistId = "00000000-0000-4000-8000-0000000000b1";
const published = { campaignId: id, name: "Winter warmers", playlistId, targets: { displayIds: [], groupIds: [], tags: ["menu"] },
  startDate: "2026-12-01", endDate: "2026-12-31", dayparts: [{ weekdays: ["monday"], start: "07:00", end: "10:30" }],
  priority: 200, kind: "normal", recurrence: { everyWeeks: 1 }, state: "published", updatedAt: "2026-12-01T10:00:00Z", version: 2 };
const lists = { "/api/v1/playlists": [{ playlistId, name: "Lunch", items: [], createdAt: "", version: 1 }], "/api/v1/displays": [], "/api/v1/display-groups": [] };

function page(at: string) {
  return renderSignedIn(<Routes><Route path="/campaigns/new" element={<CampaignFormPage />} /><Route path="/campaigns/:campaignId" element={<CampaignFormPage />} /></Routes>, at);
}


describe("the campaign form", () => {
  it("shows the API's refusal beside the time it names and the rule it breaks for the whole form", async () => {
    stubApi("editor", { ...lists, "POST /api/v1/campaigns": problemAnswer(400, { title: "Invalid request", detail: "The request has invalid fields.",
      errors: [{ field: "dayparts[0].start", message: "must be a time of day as HH:MM" }, { field: "name", message: "must not be blank" }] }) });
    page("/campaigns/new");
    fireEvent.click(await screen.findByRole("button", { name: "Save draft" }));
    const from = await screen.findByLabelText("From (time 1)");
    expect(from.getAttribute("aria-invalid")).toBe("true");
    expect(within(from.parentElement!).getByRole("alert").textContent).toBe("must be a time of day as HH:MM");
    expect(within(screen.getByLabelText("Name").parentElement!).getByRole("alert").textContent).toBe("must not be blank");
  });

  it("lets an editor read a published campaign but not change, end or delete it", async () => {
    stubApi("editor", { ...lists, [`/api/v1/campaigns/${id}`]: published });
    page(`/campaigns/${id}`);
    await screen.findByRole("heading", { name: "Winter warmers" });
    expect(screen.getByLabelText("Name").matches(":disabled")).toBe(true);
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("offers an admin to end a published campaign, after confirming", async () => {
    stubApi("admin", { ...lists, [`GET /api/v1/campaigns/${id}`]: published, [`POST /api/v1/campaigns/${id}/end`]: { ...published, state: "ended", version: 3 } });
    page(`/campaigns/${id}`);
    fireEvent.click(await screen.findByRole("button", { name: "End campaign" }));
    fireEvent.click(screen.getByRole("button", { name: "End now" }));
    await screen.findByText("Ended.");
    expect(screen.getByText("ended")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
  });

  it("publishes only what is saved: changes still in the form must be saved first", async () => {
    const draft = { ...published, state: "draft" };
    stubApi("admin", { ...lists, [`GET /api/v1/campaigns/${id}`]: draft, [`PUT /api/v1/campaigns/${id}`]: { ...draft, name: "Winter warmers II", version: 3 } });
    page(`/campaigns/${id}`);
    expect((await screen.findByRole("button", { name: "Publish" })).matches(":disabled")).toBe(false);
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Winter warmers II" } });
    expect(screen.getByRole("button", { name: "Publish" }).matches(":disabled")).toBe(true);
    expect(screen.getByText("Save your changes to publish them.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("Saved.");
    expect(screen.getByRole("button", { name: "Publish" }).matches(":disabled")).toBe(false);
  });

  it("shows a chosen display removed since, so that it can be unticked and the campaign saved", async () => {
    const gone = "00000000-0000-4000-8000-0000000000d9";
    const draft = { ...published, state: "draft", targets: { displayIds: [gone], groupIds: [], tags: ["menu"] } };
    const fetch = stubApi("editor", { ...lists, [`GET /api/v1/campaigns/${id}`]: draft, [`PUT /api/v1/campaigns/${id}`]: { ...draft, version: 3 } });
    page(`/campaigns/${id}`);
    fireEvent.click(await screen.findByRole("checkbox", { name: `Removed since it was chosen (${gone})` }));
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("Saved.");
    const put = fetch.mock.calls.map(([input]) => input as Request).find((request) => request.method === "PUT")!;
    expect((await put.clone().json()).targets.displayIds).toEqual([]);
  });

  it("keeps a takeover's period and whole-organisation targets when saving it", async () => {
    const takeover = { ...published, kind: "takeover", priority: 1000, targets: { displayIds: [], groupIds: [], tags: [], wholeOrganisation: true },
      period: { startsAt: "2026-12-05T11:00:00Z", endsAt: "2026-12-05T11:30:00Z" } };
    const fetch = stubApi("admin", { ...lists, [`GET /api/v1/campaigns/${id}`]: takeover, [`PUT /api/v1/campaigns/${id}`]: { ...takeover, version: 3 } });
    page(`/campaigns/${id}`);
    expect((await screen.findByLabelText("Whole organisation: every display") as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/^Takeover until /)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Fire drill" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("Saved.");
    const put = fetch.mock.calls.map(([input]) => input as Request).find((request) => request.method === "PUT")!;
    expect(await put.clone().json()).toMatchObject({ name: "Fire drill", period: takeover.period,
      targets: { displayIds: [], groupIds: [], tags: [], wholeOrganisation: true } });
  });
});
