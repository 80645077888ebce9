import { NavLink, Outlet } from "react-router";
import { useOperator, useSession } from "../auth/SessionProvider";

/** The signed-in frame: navigation, who is signed in, and the page. */
export function Shell() {
  const operator = useOperator();
  const { logOut } = useSession();
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
        <NavLink to="/team">Team</NavLink>
        <span className="spacer" />
        <span className="muted">Signed in as {operator.role}</span>
        <button className="button secondary" onClick={() => void logOut()}>Log out</button>
      </nav>
      <main>
        <Outlet />
      </main>
    </div>
  );
}
