/**
 * The operator's session in the browser: the access token lives in memory only; the refresh token
 * is an httpOnly, SameSite=Strict cookie the command service sets on the edge's origin, which
 * scripts never see. A 401 refreshes once, silently; if that fails the session is over.
 */
let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

export function currentToken(): string | null {
  return accessToken;
}

export function setToken(token: string | null): void {
  accessToken = token;
  listeners.forEach((listener) => listener());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Trades the refresh cookie for a new access token; concurrent callers share one refresh. Only a
 * refusal of the session (401) ends it: a busy or restarting service (429, 503) or a lost
 * connection leaves the operator signed in, and the next request tries again. The tabs of one
 * browser share the cookie, and each use rotates it: a second tab presenting the one the first
 * just spent would be taken for a stolen token and end the session everywhere, so the tabs take
 * turns (Web Locks), each with the cookie the last one left.
 */
export function refresh(): Promise<boolean> {
  refreshing ??= oneTabAtATime(() => fetch("/api/v1/auth/refresh?refreshIn=cookie",
    { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: "{}" }))
    .then(async (response) => {
      if (response.status === 401) {
        setToken(null);
        return false;
      }
      if (!response.ok) {
        return false;
      }
      const body = (await response.json()) as { accessToken: string };
      setToken(body.accessToken);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

function oneTabAtATime(work: () => Promise<Response>): Promise<Response> {
  // the lock is held until the answer (and the cookie it sets) is in
  return typeof navigator !== "undefined" && navigator.locks ? navigator.locks.request("vizora-session-refresh", work).then((answer) => answer) : work();
}

/** fetch with the access token, refreshing it once on a 401 (a clone is kept for the retry: a body is read once). */
export async function authorizedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const response = await fetch(authorized(request));
  if (response.status !== 401 || !(await refresh())) {
    return response;
  }
  return fetch(authorized(retry));
}

function authorized(request: Request): Request {
  if (accessToken) {
    request.headers.set("Authorization", `Bearer ${accessToken}`);
  }
  return request;
}
