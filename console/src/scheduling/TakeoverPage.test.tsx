import { describe, expect, it } from "vitest";
import { fireEvent, screen, within } from "@testing-library/react";
import { TakeoverPage } from "./TakeoverPage";
import { localTime } from "./takeover";
import { problemAnswer, renderSignedIn, stubApi } from "../testing/renderSignedIn";

const playlistId = "00000000-0000-4000-8000-0000000000b1";
const campaignId = "00000000-0000-4000-8000-0000000000c1";
const endsAt = "2026-12-05T11:30:00Z";
const lists = {
  "/api/v1/playlists": [{ playlistId, name: "Lunch", items: [], createdAt: "", version: 1 },
    { playlistId: "00000000-0000-4000-8000-0000000000b2", name: "Evacuation", items: [], createdAt: "", version: 1 }],
  "/api/v1/displays": [], "/api/v1/display-groups": [],
};
const live = { campaignId, name: "Takeover: Lunch", playlistId, targets: { displayIds: [], groupIds: [], tags: [], wholeOrganisation: true },
  startDate: "2026-12-05", endDate: "2026-12-05", dayparts: [], priority: 1000, kind: "takeover", recurrence: { everyWeeks: 1 },
  state: "published", period: { startsAt: "2026-12-05T11:00:00Z", endsAt }, updatedAt: "2026-12-05T11:00:00Z", version: 1 };
const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/** The requests the page sent to a path, with their bodies. */
async function posted(fetch: ReturnType<typeof stubApi>, path: string): Promise<unknown[]> {
  const posts = fetch.mock.calls.map(([input]) => input as Request).filter((request) => request.method === "POST" && new URL(request.url).pathname === path);
  return Promise.all(posts.map((request) => request.clone().text().then((text) => (text ? JSON.parse(text) : null))));
}

async function chooseLunchForEveryScreen() {
  fireEvent.change(await screen.findByLabelText("Playlist"), { target: { value: playlistId } });
  fireEvent.click(screen.getByLabelText("Whole organisation: every display"));
}

describe("taking over screens now", () => {
  it("sends a whole-organisation takeover for 30 minutes and shows it live until its end", async () => {
    const fetch = stubApi("admin", { ...lists, "POST /api/v1/takeovers": json(live, 201) });
    renderSignedIn(<TakeoverPage />);
    await screen.findByRole("option", { name: "Lunch (0 items)" });
    await chooseLunchForEveryScreen();
    fireEvent.click(screen.getByLabelText("30 minutes"));
    expect(screen.getByText("Every screen in the organisation will show Lunch for 30 minutes, starting now.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Take over now" }));
    expect((await screen.findByRole("status")).textContent).toBe(`Live on the screens until ${localTime(endsAt)}.`);
    expect(await posted(fetch, "/api/v1/takeovers")).toEqual([{ playlistId, durationSeconds: 1800,
      targets: { displayIds: [], groupIds: [], tags: [], wholeOrganisation: true } }]);
  });

  it("ends the takeover early with End now and says it ended", async () => {
    const fetch = stubApi("owner", { ...lists, "POST /api/v1/takeovers": json(live, 201),
      [`POST /api/v1/campaigns/${campaignId}/end`]: { ...live, state: "ended", version: 2 } });
    renderSignedIn(<TakeoverPage />);
    await screen.findByRole("option", { name: "Lunch (0 items)" });
    await chooseLunchForEveryScreen();
    fireEvent.click(screen.getByRole("button", { name: "Take over now" }));
    fireEvent.click(await screen.findByRole("button", { name: "End now" }));
    expect(await screen.findByText("Ended: the screens went back to their campaigns.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "End now" })).toBeNull();
    expect(await posted(fetch, `/api/v1/campaigns/${campaignId}/end`)).toHaveLength(1);
  });

  it("shows why the service refused the takeover", async () => {
    stubApi("admin", { ...lists,
      "POST /api/v1/takeovers": problemAnswer(403, { title: "Forbidden", detail: "Only admins and owners may take over displays." }) });
    renderSignedIn(<TakeoverPage />);
    await screen.findByRole("option", { name: "Lunch (0 items)" });
    await chooseLunchForEveryScreen();
    fireEvent.click(screen.getByRole("button", { name: "Take over now" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Only admins and owners may take over displays.");
  });

  it("shows the service's refusal of a field beside it", async () => {
    stubApi("admin", { ...lists, "POST /api/v1/takeovers": problemAnswer(400, { title: "Invalid request", detail: "The request has invalid fields.",
      errors: [{ field: "name", message: "must be at most 200 characters" }] }) });
    renderSignedIn(<TakeoverPage />);
    await screen.findByRole("option", { name: "Lunch (0 items)" });
    await chooseLunchForEveryScreen();
    fireEvent.change(screen.getByLabelText("Name (optional)"), { target: { value: "x".repeat(201) } });
    fireEvent.click(screen.getByRole("button", { name: "Take over now" }));
    const name = screen.getByLabelText("Name (optional)");
    expect((await within(name.parentElement!).findByRole("alert")).textContent).toBe("must be at most 200 characters");
    expect(name.getAttribute("aria-invalid")).toBe("true");
  });

  it("refuses a custom duration of nothing or zero beside its field, without sending", async () => {
    const fetch = stubApi("admin", lists);
    renderSignedIn(<TakeoverPage />);
    await screen.findByRole("option", { name: "Lunch (0 items)" });
    await chooseLunchForEveryScreen();
    fireEvent.click(screen.getByLabelText("Custom"));
    fireEvent.click(screen.getByRole("button", { name: "Take over now" }));
    const minutes = screen.getByLabelText("Minutes");
    expect(minutes.getAttribute("aria-invalid")).toBe("true");
    expect(within(minutes.parentElement!).getByRole("alert").textContent).toBe("Enter a whole number of minutes from 1 to 10080.");
    fireEvent.change(minutes, { target: { value: "0" } });
    expect(minutes.getAttribute("aria-invalid")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Take over now" }));
    expect(within(minutes.parentElement!).getByRole("alert").textContent).toBe("Enter a whole number of minutes from 1 to 10080.");
    expect(await posted(fetch, "/api/v1/takeovers")).toEqual([]);
  });

  it("asks for a playlist and targets before sending anything", async () => {
    const fetch = stubApi("admin", lists);
    renderSignedIn(<TakeoverPage />);
    fireEvent.click(await screen.findByRole("button", { name: "Take over now" }));
    expect(screen.getByText("Choose the playlist the screens will show.")).toBeTruthy();
    expect(screen.getByText("Choose the whole organisation, or at least one display, group or tag.")).toBeTruthy();
    expect(await posted(fetch, "/api/v1/takeovers")).toEqual([]);
  });

  it("offers an editor no takeover", async () => {
    stubApi("editor", lists);
    renderSignedIn(<TakeoverPage />);
    expect(await screen.findByText("Only admins and owners may take over screens.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Take over now" })).toBeNull();
  });
});
