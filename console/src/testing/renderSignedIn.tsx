import type { ReactNode } from "react";
import { vi } from "vitest";
import { render } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionProvider, useSession, type Role } from "../auth/SessionProvider";

/** An answer other than 200: a refusal as the API writes it. */
export function problemAnswer(status: number, problem: Record<string, unknown>) {
  return () => new Response(JSON.stringify({ status, ...problem }), { status, headers: { "Content-Type": "application/problem+json" } });
}

/** The APIs a page calls, answered by "METHOD path" or path (a body, or a function making the Response); a session of the given role. */
export function stubApi(role: Role, answers: Record<string, unknown>) {
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), "http://localhost"), init);
    const path = new URL(request.url).pathname;
    const body = path === "/api/v1/auth/refresh" ? { accessToken: "token", expiresIn: 600 }
      : path === "/api/v1/me" ? { principal: "user:00000000-0000-4000-8000-000000000001", organisationId: "00000000-0000-4000-8000-000000000002", role, scopes: [] }
      : answers[`${request.method} ${path}`] ?? answers[path];
    if (typeof body === "function") {
      return (body as () => Response)();
    }
    return body === undefined ? new Response(null, { status: 404 })
      : new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function WhenSignedIn({ children }: { children: ReactNode }) {
  return useSession().state.kind === "signedIn" ? <>{children}</> : null;
}

/** A page as a signed-in operator sees it, at the given address (for pages that read it). */
export function renderSignedIn(page: ReactNode, at = "/") {
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <SessionProvider><MemoryRouter initialEntries={[at]}><WhenSignedIn>{page}</WhenSignedIn></MemoryRouter></SessionProvider>
    </QueryClientProvider>,
  );
}
