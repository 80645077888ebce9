import { Navigate, Outlet, useLocation } from "react-router";
import { useSession } from "./SessionProvider";
import { Loading } from "../design/StateViews";

/** Pages behind sign-in: a signed-out operator goes to the login page, and comes back here after it. */
export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.kind === "checking") {
    return <div className="centred"><Loading what="your session" /></div>;
  }
  if (state.kind === "signedOut") {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  return <Outlet />;
}

/** Where to go after signing in: only a path of this console, never another site. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}
