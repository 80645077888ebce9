import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { commands } from "../api/clients";
import { toProblem, ProblemError } from "../api/problems";
import { Field } from "../design/Field";
import { FormProblem } from "../design/StateViews";
import { useSession } from "./SessionProvider";

/** A new organisation and its owner; signed in right after. */
export function SignUpPage() {
  const { logIn } = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState({ organisationName: "", ownerName: "", ownerEmail: "", password: "" });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const problem = error instanceof ProblemError ? error : null;
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { error: refused, response } = await commands.POST("/api/v1/organisations", { body: form });
      if (!response.ok) {
        throw toProblem(refused, response);
      }
      await logIn(form.ownerEmail, form.password);
      navigate("/", { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const fields = new Set((problem?.problem.errors ?? []).map((e) => e.field));
  return (
    <div className="centred">
      <div className="card">
        <h1>Create your organisation</h1>
        <form className="form" onSubmit={(event) => void submit(event)} noValidate>
          <Field label="Organisation" required value={form.organisationName} onChange={set("organisationName")} error={problem?.forField("organisationName")} />
          <Field label="Your name" required autoComplete="name" value={form.ownerName} onChange={set("ownerName")} error={problem?.forField("ownerName")} />
          <Field label="Email" type="email" required autoComplete="email" value={form.ownerEmail} onChange={set("ownerEmail")} error={problem?.forField("ownerEmail")} />
          <Field label="Password" type="password" required autoComplete="new-password" hint="At least 12 characters." value={form.password}
                 onChange={set("password")} error={problem?.forField("password") ?? (problem?.problem.title === "Password refused" ? problem.general : undefined)} />
          {fields.size === 0 && problem?.problem.title !== "Password refused" && <FormProblem error={error} />}
          <button className="button" type="submit" disabled={busy}>Create organisation</button>
        </form>
        <p className="muted">Already have an account? <Link to="/login">Log in</Link></p>
      </div>
    </div>
  );
}
