import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { SessionProvider } from "./SessionProvider";
import { SignUpPage } from "./SignUpPage";

function answering(status: number, body: unknown) {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (url.includes("/auth/refresh")) {
      return new Response(JSON.stringify({ title: "Not authenticated", status: 401 }), { status: 401, headers: { "Content-Type": "application/problem+json" } });
    }
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/problem+json" } });
  });
}


describe("signing up", () => {
  it("shows the API's refusal of a field beside that field", async () => {
    vi.stubGlobal("fetch", answering(400, { title: "Invalid request", status: 400, errors: [{ field: "password", message: "size must be between 12 and 128" }] }));
    render(<SessionProvider><MemoryRouter><SignUpPage /></MemoryRouter></SessionProvider>);

    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "short" } });
    fireEvent.click(screen.getByRole("button", { name: "Create organisation" }));

    const message = await screen.findByText("size must be between 12 and 128");
    expect(message.closest(".field")?.querySelector("input")?.getAttribute("aria-invalid")).toBe("true");
  });
});
