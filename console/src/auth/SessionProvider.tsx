import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { commands, dataOf } from "../api/clients";
import { currentToken, onSessionChange, refresh, setToken } from "../api/session";
import { problemOf } from "../api/problems";

export type Role = "owner" | "admin" | "editor" | "viewer";

export interface Operator {
  userId: string;
  organisationId: string;
  role: Role;
}

type State = { kind: "checking" } | { kind: "signedOut" } | { kind: "signedIn"; operator: Operator };

interface Session {
  state: State;
  logIn(email: string, password: string, organisationId?: string): Promise<void>;
  logOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

async function whoAmI(): Promise<Operator> {
  const me = await dataOf(commands.GET("/api/v1/me"));
  return { userId: me.principal.replace(/^user:/, ""), organisationId: me.organisationId, role: me.role as Role };
}

/** Signs in with the password; the command service sets the refresh cookie and answers the access token. */
async function logInWith(email: string, password: string, organisationId?: string): Promise<void> {
  const response = await fetch("/api/v1/auth/login?refreshIn=cookie", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password, organisationId }),
  });
  if (!response.ok) {
    throw await problemOf(response);
  }
  setToken(((await response.json()) as { accessToken: string }).accessToken);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: "checking" });

  useEffect(() => {
    let cancelled = false;
    refresh()
      .then(async (ok) => (ok ? whoAmI() : null))
      .then((operator) => !cancelled && setState(operator ? { kind: "signedIn", operator } : { kind: "signedOut" }))
      .catch(() => !cancelled && setState({ kind: "signedOut" }));
    // a refresh that fails anywhere (an expired session) ends the session here too
    const stop = onSessionChange(() => {
      if (currentToken() === null) {
        setState((current) => (current.kind === "signedIn" ? { kind: "signedOut" } : current));
      }
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, []);

  const logIn = useCallback(async (email: string, password: string, organisationId?: string) => {
    await logInWith(email, password, organisationId);
    setState({ kind: "signedIn", operator: await whoAmI() });
  }, []);

  const logOut = useCallback(async () => {
    await fetch("/api/v1/auth/logout?refreshIn=cookie", { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: "{}" });
    setToken(null);
    setState({ kind: "signedOut" });
  }, []);

  const session = useMemo(() => ({ state, logIn, logOut }), [state, logIn, logOut]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error("useSession outside SessionProvider");
  }
  return session;
}

/** The signed-in operator; only for pages under RequireSession. */
export function useOperator(): Operator {
  const { state } = useSession();
  if (state.kind !== "signedIn") {
    throw new Error("useOperator outside a signed-in page");
  }
  return state.operator;
}

/** What the operator's role lets them do in the console, as the API's permission matrix says: a viewer sees no button it cannot use. */
export function mayManageFleet(role: Role): boolean {
  return role === "owner" || role === "admin";
}

/** Uploading content, building playlists and drafting campaigns: editors and up. */
export function mayEdit(role: Role): boolean {
  return role !== "viewer";
}

/** Publishing, ending and changing published campaigns: admins and owners. */
export function mayPublish(role: Role): boolean {
  return role === "owner" || role === "admin";
}
