import { describe, expect, it } from "vitest";
import { fireEvent, screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { PlaylistEditorPage } from "./PlaylistEditorPage";
import { problemAnswer, renderSignedIn, stubApi } from "../testing/renderSignedIn";

const id = "00000000-0000-4000-8000-0000000000a1";
const poster = "00000000-0000-4000-8000-00000000c001";
const menu = "00000000-0000-4000-8000-00000000c002";
const content = [
  { contentId: poster, name: "Poster", kind: "image", state: "ready", mediaType: "image/png", createdAt: "2026-12-01T10:00:00Z" },
  { contentId: menu, name: "Menu", kind: "image", state: "ready", mediaType: "image/png", createdAt: "2026-12-01T10:00:00Z" },
];
const playlist = { playlistId: id, name: "Lunch", version: 1, createdAt: "2026-12-01T10:00:00Z",
  items: [{ contentId: poster, durationMs: 10_000 }, { contentId: menu, durationMs: 20_000 }] };

function editor() {
  return renderSignedIn(<Routes><Route path="/playlists/:playlistId" element={<PlaylistEditorPage />} /></Routes>, `/playlists/${id}`);
}


describe("the playlist editor", () => {
  it("shows the loop's total and recomputes it as a duration is typed", async () => {
    stubApi("editor", { [`/api/v1/playlists/${id}`]: playlist, "/api/v1/content": content, "/api/v1/playlists": [] });
    editor();
    await screen.findByText("2 items, 30 s a loop");
    fireEvent.change(await screen.findByLabelText("Seconds for Menu, item 2"), { target: { value: "50" } });
    expect(screen.getByText("2 items, 1 min a loop")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Seconds for Menu, item 2"), { target: { value: "0" } });
    expect(screen.getByText("An item lasts from 1 second to 24 hours.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Save playlist" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows a viewer the items and the preview, and nothing to change", async () => {
    stubApi("viewer", { [`/api/v1/playlists/${id}`]: playlist, "/api/v1/content": content });
    editor();
    await screen.findByRole("heading", { name: "Lunch" });
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("spinbutton")).toBeNull();
    expect(screen.getAllByRole("button").map((button) => button.textContent)).toEqual(["Play preview"]);
  });

  it("tells an editor a playlist on screens is for an admin to change, and offers nothing to change", async () => {
    const published = { campaignId: "00000000-0000-4000-8000-0000000000c9", name: "Winter warmers", playlistId: id, state: "published" };
    stubApi("editor", { [`/api/v1/playlists/${id}`]: playlist, "/api/v1/content": content, "/api/v1/playlists": [], "/api/v1/campaigns": [published] });
    editor();
    expect((await screen.findByText(/played by Winter warmers/)).getAttribute("role")).toBe("status");
    expect(screen.queryByLabelText("Name")).toBeNull();
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
  });

  it("tells what someone else saved meanwhile instead of overwriting it", async () => {
    const theirs = { ...playlist, name: "Lunch menu", version: 2, items: [{ contentId: menu, durationMs: 5_000 }] };
    let reads = 0;
    stubApi("editor", {
      [`GET /api/v1/playlists/${id}`]: () => new Response(JSON.stringify(reads++ === 0 ? playlist : theirs), { headers: { "Content-Type": "application/json" } }),
      [`PUT /api/v1/playlists/${id}`]: problemAnswer(412, { title: "Changed meanwhile", currentVersion: 2 }),
      "/api/v1/content": content,
    });
    editor();
    fireEvent.click(await screen.findByRole("button", { name: "Save playlist" }));
    await screen.findByText("Someone else saved this playlist while you were editing it:");
    expect(screen.getByText('they renamed it from "Lunch" to "Lunch menu"')).toBeTruthy();
    expect(screen.getByText("they set its items to: Menu (5 s)")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Discard mine and load theirs" }));
    expect(screen.getByText("1 item, 5 s a loop")).toBeTruthy();
  });
});
