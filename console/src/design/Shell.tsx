import { useEffect, useState } from "react";
import { NavLink, Outlet } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { followFleet, type LiveState } from "../fleet/liveFleet";
import { useOperator, useSession } from "../auth/SessionProvider";

/** The signed-in frame: navigation, who is signed in, and the page. */
export function Shell() {
  const operator = useOperator();
  const { logOut } = useSession();
  const live = useLiveFleet();
  return (
    <div className="shell">
      <nav aria-label="Main">
        <span className="brand">Vizora</span>
        <NavLink to="/" end>Dashboard</NavLink>
        <NavLink to="/displays">Displays</NavLink>
        <NavLink to="/groups">Groups</NavLink>
        <NavLink to="/content">Content</NavLink>
        <NavLink to="/playlists">Playlists</NavLink>
        <NavLink to="/campaigns">Campaigns</NavLink>
        <NavLink to="/calendar">Calendar</NavLink>
        <NavLink to="/team">Team</NavLink>
        <span className="spacer" />
        <span className={`live-state ${live}`} role="status">{live === "live" ? "Live" : live === "connecting" ? "Connecting…" : "Reconnecting…"}</span>
        <span className="muted">Signed in as {operator.role}</span>
        <button className="button secondary" onClick={() => void logOut()}>Log out</button>
      </nav>
      <main>
        <Outlet />
      </main>
    </div>
  );
}

/** One live fleet stream for the whole console while signed in; its state is shown in the navigation. */
function useLiveFleet(): LiveState {
  const queries = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");
  useEffect(() => {
    const stop = new AbortController();
    void followFleet(queries, setState, stop.signal);
    return () => stop.abort();
  }, [queries]);
  return state;
}
