import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { PairDisplayPage } from "./PairDisplayPage";
import { renderSignedIn, stubApi } from "../testing/renderSignedIn";

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
});
