import { describe, expect, it } from "vitest";
import { fireEvent, screen } from "@testing-library/react";
import { PairDisplayPage } from "./PairDisplayPage";
import { problemAnswer, renderSignedIn, stubApi } from "../testing/renderSignedIn";

describe("the pairing page", () => {
  it("opened from a screen's QR code has the screen's code filled in", async () => {
    stubApi("admin", { "/api/v1/fleet": [] });
    renderSignedIn(<PairDisplayPage />, "/displays/pair?code=kx7rm2qd");
    const code = await screen.findByLabelText("Pairing code");
    expect((code as HTMLInputElement).value).toBe("KX7R-M2QD");
  });

  it("opened from the menu starts empty", async () => {
    stubApi("admin", { "/api/v1/fleet": [] });
    renderSignedIn(<PairDisplayPage />, "/displays/pair");
    const code = await screen.findByLabelText("Pairing code");
    expect((code as HTMLInputElement).value).toBe("");
  });

  it("says a refusal no field shows under the form, where the operator sees it", async () => {
    stubApi("admin", {
      "/api/v1/fleet": [],
      "POST /api/v1/displays": problemAnswer(422, { title: "Invalid display", detail: "the tag 'Floor 2' may hold lower-case letters, digits and dashes only.",
        errors: [{ message: "the tag 'Floor 2' may hold lower-case letters, digits and dashes only" }] }),
    });
    renderSignedIn(<PairDisplayPage />, "/displays/pair?code=kx7rm2qd");
    fireEvent.change(await screen.findByLabelText("Name"), { target: { value: "Lobby" } });
    fireEvent.change(screen.getByLabelText("Tags"), { target: { value: "Floor 2" } });
    fireEvent.click(screen.getByRole("button", { name: "Pair" }));
    expect((await screen.findByRole("alert")).textContent).toContain("the tag 'Floor 2'");
  });
});
