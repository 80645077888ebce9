import { useState, type FormEvent } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { useSession } from "./SessionProvider";
import { nextPath } from "./RequireSession";
import { Field } from "../design/Field";
import { FormProblem } from "../design/StateViews";
import { ProblemError } from "../api/problems";

interface Choice {
  organisationId: string;
  organisationName: string;
}

export function LoginPage() {
  const { state, logIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [choices, setChoices] = useState<Choice[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (state.kind === "signedIn") {
    return <Navigate to={nextPath(location.search)} replace />;
  }

  async function submit(event: FormEvent<HTMLFormElement>, organisationId?: string) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await logIn(email, password, organisationId);
      navigate(nextPath(location.search), { replace: true });
    } catch (failure) {
      // an address with accounts in several organisations: the operator picks one
      if (failure instanceof ProblemError && failure.problem.status === 409 && Array.isArray(failure.problem.organisations)) {
        setChoices(failure.problem.organisations as Choice[]);
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="centred">
      <div className="card">
        <h1>Log in to Vizora</h1>
        <form className="form" onSubmit={(event) => void submit(event)}>
          <Field label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          <Field label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          <FormProblem error={error} />
          <button className="button" type="submit" disabled={busy}>Log in</button>
        </form>
        {choices.length > 0 && (
          <form className="form" onSubmit={(event) => void submit(event, (event.currentTarget.elements.namedItem("organisation") as HTMLSelectElement).value)}>
            <div className="field">
              <label htmlFor="organisation">Organisation</label>
              <select id="organisation" name="organisation">
                {choices.map((choice) => <option key={choice.organisationId} value={choice.organisationId}>{choice.organisationName}</option>)}
              </select>
            </div>
            <button className="button" type="submit" disabled={busy}>Continue</button>
          </form>
        )}
        <p className="muted">New to Vizora? <Link to="/signup">Create an organisation</Link></p>
      </div>
    </div>
  );
}
