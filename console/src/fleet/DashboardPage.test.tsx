import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { DashboardPage } from "./DashboardPage";
import { renderSignedIn, stubApi } from "../testing/renderSignedIn";

// what the edge answers when the service behind a route does not: Spring's error body, not a problem detail
const serviceDown = () => new Response(JSON.stringify({ status: 503, error: "Service Unavailable", path: "/api/v1/fleet" }),
  { status: 503, headers: { "Content-Type": "application/json" } });

describe("the dashboard", () => {
  it("says plainly that the fleet is not available when its service is down, and offers to try again", async () => {
    stubApi("viewer", { "/api/v1/fleet": serviceDown, "/api/v1/campaign-overview": serviceDown, "/api/v1/stats/plays": serviceDown });
    renderSignedIn(<DashboardPage />);
    expect((await screen.findByRole("alert")).textContent).toContain("This part of Vizora does not answer right now");
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });

  it("leaves the play figures blank, and says why, when only the play statistics are down", async () => {
    stubApi("viewer", { "/api/v1/fleet": [], "/api/v1/campaign-overview": [], "/api/v1/stats/plays": serviceDown });
    renderSignedIn(<DashboardPage />);
    await screen.findByText("Play statistics are not available right now.");
    expect(screen.getByRole("heading", { name: "Dashboard" })).toBeTruthy();
  });
});
