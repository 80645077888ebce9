import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { commands, dataOf } from "../api/clients";
import { ProblemError } from "../api/problems";
import { Field } from "../design/Field";
import { FormProblem } from "../design/StateViews";
import { useSession } from "./SessionProvider";

/** The token of an invitation link: in its fragment, so it never reaches a server log. */
export function invitationToken(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, "")).get("token");
}

/** An invited person chooses a password, and is signed in to the organisation that invited them. */
export function AcceptInvitationPage() {
  const { logIn } = useSession();
  const navigate = useNavigate();
  const [token] = useState(() => invitationToken(globalThis.location.hash));
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await dataOf(commands.POST("/api/v1/invitations/accept", { body: { invitationToken: token ?? "", password } }));
      try {
        await logIn(user.email, password);
        void navigate("/", { replace: true });
      } catch {
        // the same address and password open accounts elsewhere too: the login page asks which
        void navigate("/login", { replace: true });
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const problem = error instanceof ProblemError ? error : null;
  return (
    <div className="centred">
      <div className="card">
        <h1>Join your team on Vizora</h1>
        {!token ? (
          <p className="alert" role="alert">This link has no invitation in it. Ask whoever invited you to send it again.</p>
        ) : (
          <form className="form" onSubmit={(event) => void submit(event)} noValidate>
            <p className="muted">Choose a password to accept the invitation.</p>
            <Field label="Password" type="password" autoComplete="new-password" hint="at least 12 characters" value={password}
                   onChange={(event) => setPassword(event.target.value)} error={problem?.forField("password")} />
            {error !== null && !problem?.forField("password") && <FormProblem error={error} />}
            <button className="button" type="submit" disabled={busy}>Accept and sign in</button>
          </form>
        )}
        <p><Link to="/login">Already have a password? Log in</Link></p>
      </div>
    </div>
  );
}
