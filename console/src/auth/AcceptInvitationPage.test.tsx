import { describe, expect, it } from "vitest";
import { invitationToken } from "./AcceptInvitationPage";
import { invitationLink } from "../team/TeamPage";

describe("an invitation link", () => {
  it("carries its token in the fragment, which no server sees, and gives it back whole", () => {
    const link = invitationLink("https://vizora.example", "a+b/c=");
    expect(link).toBe("https://vizora.example/invitation#token=a%2Bb%2Fc%3D");
    expect(invitationToken(new URL(link).hash)).toBe("a+b/c=");
    expect(invitationToken("")).toBeNull();
  });
});
