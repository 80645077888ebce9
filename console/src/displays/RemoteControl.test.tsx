import { describe, expect, it } from "vitest";
import { fireEvent, screen, within } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { DisplayPage } from "./DisplayPage";
import { problemAnswer, renderSignedIn, stubApi } from "../testing/renderSignedIn";

const id = "00000000-0000-4000-8000-0000000000d1";
const commandId = "00000000-0000-4000-8000-0000000000e1";
const answers = {
  [`/api/v1/displays/${id}`]: { displayId: id, name: "Window", timeZone: "Europe/Paris", groupIds: [], tags: [], pairedAt: "2026-12-01T10:00:00Z" },
  [`/api/v1/displays/${id}/timeline`]: { displayId: id, from: "2026-12-05T11:00:00Z", to: "2026-12-06T11:00:00Z", slices: [] },
  "/api/v1/campaign-overview": [], "/api/v1/fleet": [], "/api/v1/display-groups": [], "/api/v1/playlists": [],
  [`/api/v1/displays/${id}/commands`]: [],
  [`/api/v1/displays/${id}/screenshots`]: [{ screenshotId: "00000000-0000-4000-8000-0000000000f1", commandId, takenAt: "2026-12-05T11:00:00Z",
    sizeBytes: 120_000, url: "https://media.example/shot.png?signature=x", urlExpiresAt: "2026-12-05T11:15:00Z" }],
};
const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function renderPage() {
  renderSignedIn(<Routes><Route path="/displays/:displayId" element={<DisplayPage />} /></Routes>, `/displays/${id}`);
}

/** The bodies of the commands the page sent. */
async function sentCommands(fetch: ReturnType<typeof stubApi>): Promise<unknown[]> {
  const posts = fetch.mock.calls.map(([input]) => input as Request).filter((request) => request.method === "POST" && new URL(request.url).pathname === "/api/v1/commands");
  return Promise.all(posts.map((request) => request.clone().json()));
}

describe("a display's remote control", () => {
  it("sends Identify to this display and lists the command with its state", async () => {
    let issued = false;
    const fetch = stubApi("admin", { ...answers,
      "POST /api/v1/commands": () => {
        issued = true;
        return json({ commandId, command: "IDENTIFY", displayIds: [id], issuedAt: "2026-12-05T11:00:00Z", expiresAt: "2099-12-05T11:10:00Z" }, 202)();
      },
      [`/api/v1/displays/${id}/commands`]: () => json(issued ? [{ commandId, displayId: id, command: "identify", state: "delivered", issuedAt: "2026-12-05T11:00:00Z",
        expiresAt: "2099-12-05T11:10:00Z", deliveredAt: "2026-12-05T11:00:01Z", finishedAt: null, detail: null, screenshotId: null }] : [])(),
    });
    renderPage();
    expect(await screen.findByText("No commands sent to this display yet.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Identify" }));
    const recent = await screen.findByRole("list", { name: "Recent commands" });
    expect(await within(recent).findByText("Running on the screen")).toBeTruthy();
    expect(within(recent).getAllByRole("listitem")).toHaveLength(1);
    expect(within(recent).getByRole("listitem").textContent).toContain("Identify");
    expect(await sentCommands(fetch)).toEqual([{ command: "IDENTIFY", targets: { displayIds: [id], groupIds: [], tags: [], wholeOrganisation: false } }]);
  });

  it("says a command is waiting for the screen until the projector lists it", async () => {
    stubApi("owner", { ...answers,
      "POST /api/v1/commands": json({ commandId, command: "RELOAD", displayIds: [id], issuedAt: "2026-12-05T11:00:00Z", expiresAt: "2099-12-05T11:10:00Z" }, 202),
    });
    renderPage();
    fireEvent.click(await screen.findByRole("button", { name: "Reload" }));
    const recent = await screen.findByRole("list", { name: "Recent commands" });
    expect(within(recent).getByRole("listitem").textContent).toContain("Waiting for the screen");
  });

  it("asks before restarting the screen and sends nothing when cancelled", async () => {
    const fetch = stubApi("admin", answers);
    renderPage();
    fireEvent.click(await screen.findByRole("button", { name: "Restart" }));
    expect(screen.getByText(/^Restart Window\?/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Identify" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("button", { name: "Identify" })).toBeTruthy();
    expect(await sentCommands(fetch)).toEqual([]);
  });

  it("shows why the service refused a command", async () => {
    stubApi("admin", { ...answers,
      "POST /api/v1/commands": problemAnswer(403, { title: "Forbidden", detail: "Only admins and owners may send commands to displays." }) });
    renderPage();
    fireEvent.click(await screen.findByRole("button", { name: "Identify" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Only admins and owners may send commands to displays.");
  });

  it("shows the newest screenshot with the time it was taken, and a viewer no command buttons", async () => {
    stubApi("viewer", { ...answers, [`/api/v1/displays/${id}/commands`]: [{ commandId, displayId: id, command: "clear_cache", state: "expired",
      issuedAt: "2026-12-05T10:00:00Z", expiresAt: "2026-12-05T10:10:00Z", deliveredAt: null, finishedAt: null, detail: "the screen stayed offline", screenshotId: null }] });
    renderPage();
    const image = await screen.findByRole("img", { name: /^What Window showed at / });
    expect(image.getAttribute("src")).toBe("https://media.example/shot.png?signature=x");
    const command = within(await screen.findByRole("list", { name: "Recent commands" })).getByRole("listitem");
    expect(command.textContent).toContain("Clear cache");
    expect(command.textContent).toContain("Expired");
    expect(command.textContent).toContain("the screen stayed offline");
    expect(screen.queryByRole("button", { name: "Identify" })).toBeNull();
  });
});
