import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { GroupsPage } from "./GroupsPage";
import { renderSignedIn, stubApi } from "../testing/renderSignedIn";

const groups = { "/api/v1/display-groups": [{ groupId: "00000000-0000-4000-8000-00000000000a", name: "Lobby" }] };


describe("the groups page", () => {
  it("offers an admin to create, rename and delete", async () => {
    stubApi("admin", groups);
    renderSignedIn(<GroupsPage />);
    await screen.findByText("Lobby");
    expect(screen.getByRole("button", { name: "Create group" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Rename" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Delete" })).toBeTruthy();
  });

  it("shows a viewer the groups and no button it cannot use", async () => {
    stubApi("viewer", groups);
    renderSignedIn(<GroupsPage />);
    await screen.findByText("Lobby");
    expect(screen.queryByRole("button")).toBeNull();
  });
});
