import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, dataOf } from "../api/clients";
import { ProblemError } from "../api/problems";
import { mayManageFleet, useOperator } from "../auth/SessionProvider";
import { Choice } from "../design/Choice";
import { Field } from "../design/Field";
import { Empty, Failed, FormProblem, Loading } from "../design/StateViews";

const ROLES = [
  { value: "VIEWER", label: "Viewer: sees everything, changes nothing" },
  { value: "EDITOR", label: "Editor: content, playlists and draft campaigns" },
  { value: "ADMIN", label: "Admin: also publishes, manages displays and the team" },
] as const;

/** The link an invitee opens; the token travels in the fragment, which browsers never send to a server or in a Referer. */
export function invitationLink(origin: string, token: string): string {
  return `${origin}/invitation#token=${encodeURIComponent(token)}`;
}

function InviteForm() {
  const queries = useQueryClient();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<(typeof ROLES)[number]["value"]>("VIEWER");
  const invite = useMutation({
    mutationFn: () => dataOf(commands.POST("/api/v1/users", { body: { email, displayName, role } })),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ["users"] }),
  });
  const problem = invite.error instanceof ProblemError ? invite.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-label="Invite someone">
      <h2>Invite someone</h2>
      <Field label="Their email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} error={problem?.forField("email")} />
      <Field label="Their name" value={displayName} onChange={(event) => setDisplayName(event.target.value)} error={problem?.forField("displayName")} />
      <Choice label="Role" value={role} onChange={(value) => setRole(ROLES.find((each) => each.value === value)?.value ?? "VIEWER")} options={ROLES} />
      {problem && !problem.forField("email") && !problem.forField("displayName") && <FormProblem error={problem} />}
      <button className="button" type="submit" disabled={invite.isPending}>Invite</button>
      {invite.data && (
        <div role="status">
          <p>Send {email} this link; it works once, to choose a password:</p>
          <input className="link" readOnly aria-label="Invitation link" value={invitationLink(globalThis.location.origin, invite.data.invitationToken)}
                 onFocus={(event) => event.target.select()} />
        </div>
      )}
    </form>
  );
}

/** Who is in the organisation, with their role; owners and admins invite. Roles and removal come with the administration pages. */
export function TeamPage() {
  const operator = useOperator();
  const users = useQuery({ queryKey: ["users"], queryFn: () => dataOf(commands.GET("/api/v1/users")) });
  return (
    <>
      <h1>Team</h1>
      {mayManageFleet(operator.role) && <InviteForm />}
      {users.isPending ? <Loading what="the team" /> : users.isError ? <Failed error={users.error} retry={() => void users.refetch()} /> :
        users.data.length === 0 ? <Empty>No one yet.</Empty> : (
          <ul className="list" aria-label="Team">
            {users.data.map((user) => (
              <li key={user.userId} className="card toolbar">
                <strong>{user.displayName}</strong>
                <span className="muted">{user.email} · {user.role.toLowerCase()}{user.status !== "active" ? ` · ${user.status}` : ""}</span>
              </li>
            ))}
          </ul>
        )}
    </>
  );
}
