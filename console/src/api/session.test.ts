import { afterEach, describe, expect, it, vi } from "vitest";
import { currentToken, refresh, setToken } from "./session";

function refreshAnswers(status: number) {
  vi.stubGlobal("fetch", vi.fn(async () => status === 200
    ? new Response(JSON.stringify({ accessToken: "next" }), { status, headers: { "Content-Type": "application/json" } })
    : new Response(null, { status })));
}

describe("the session's refresh", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setToken(null);
  });

  it("takes the new access token", async () => {
    setToken("old");
    refreshAnswers(200);
    expect(await refresh()).toBe(true);
    expect(currentToken()).toBe("next");
  });

  it("ends the session only when the service refuses it", async () => {
    setToken("old");
    refreshAnswers(401);
    expect(await refresh()).toBe(false);
    expect(currentToken()).toBeNull();
  });

  it("keeps the operator signed in while the service is busy or restarting", async () => {
    for (const status of [429, 503]) {
      setToken("old");
      refreshAnswers(status);
      expect(await refresh()).toBe(false);
      expect(currentToken()).toBe("old");
    }
  });
});
