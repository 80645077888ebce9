import { describe, expect, it } from "vitest";
import { fireEvent, screen } from "@testing-library/react";
import { ContentPage } from "./ContentPage";
import { renderSignedIn, stubApi } from "../testing/renderSignedIn";

const library = {
  "GET /api/v1/content": [{ contentId: "00000000-0000-4000-8000-00000000000c", name: "Menu", kind: "web", state: "ready", mediaType: "text/html",
    sizeBytes: 0, sha256: null, url: "https://example.org/menu", objectKey: null, createdAt: "2026-12-05T06:00:00Z" }],
  "GET /api/v1/playlists": [
    { playlistId: "p1", name: "Lunch", version: 1, createdAt: "", items: [{ contentId: "00000000-0000-4000-8000-00000000000c", durationMs: 5000 },
      { contentId: "00000000-0000-4000-8000-00000000000c", durationMs: 5000 }] },
    { playlistId: "p2", name: "Evening", version: 1, createdAt: "", items: [{ contentId: "00000000-0000-4000-8000-00000000000c", durationMs: 5000 }] },
  ],
};


describe("the content library", () => {
  it("lets an editor upload, add web pages and delete", async () => {
    stubApi("editor", library);
    renderSignedIn(<ContentPage />);
    await screen.findByText("Menu");
    expect(screen.getByRole("button", { name: "Choose files" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add web page" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    expect(screen.getByText("Delete Menu?")).toBeTruthy();
  });

  it("shows a viewer the library and no button it cannot use", async () => {
    stubApi("viewer", library);
    renderSignedIn(<ContentPage />);
    await screen.findByText("Menu");
    expect(screen.getAllByRole("button").map((button) => button.textContent)).toEqual(["Preview"]);
  });

  it("says which playlists each item is in", async () => {
    stubApi("viewer", library);
    renderSignedIn(<ContentPage />);
    await screen.findByText("in Lunch, Evening");
  });
});
