import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useMutation } from "@tanstack/react-query";
import { commands } from "../api/clients";
import { toProblem, ProblemError } from "../api/problems";
import { Field } from "../design/Field";
import { FormProblem } from "../design/StateViews";
import { isCompletePairingCode, normalisePairingCode } from "./pairingCode";
import { useFleet, statusOf } from "./fleet";

/** Which time zone to propose: the browser's own, which is usually the screen's. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function WaitingForIt({ displayId, name }: { displayId: string; name: string }) {
  const fleet = useFleet();
  const entry = fleet.data?.find((candidate) => candidate.displayId === displayId);
  const online = entry ? statusOf(entry) !== "offline" : false;
  return (
    <div className="card" role="status" aria-live="polite">
      <h2>{name} is paired</h2>
      {online ? <p><span className="status online">online</span>: the screen is connected and has its schedule.</p>
        : <p className="muted">Waiting for the screen to come online…</p>}
      <p><Link to="/displays">Back to displays</Link></p>
    </div>
  );
}

/**
 * Pairing a screen by the code it shows: the operator types it (or scans the screen's QR code,
 * which opens this page with the code filled in), names the screen and picks its time zone.
 */
export function PairDisplayPage() {
  const [search] = useSearchParams();
  const [code, setCode] = useState(() => normalisePairingCode(search.get("code") ?? ""));
  const [name, setName] = useState("");
  const [timeZone, setTimeZone] = useState(browserTimeZone());
  const [tags, setTags] = useState("");
  const pair = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await commands.POST("/api/v1/displays", {
        body: { pairingCode: code, name, timeZone, groupIds: [], tags: tags.split(",").map((tag) => tag.trim()).filter(Boolean) },
      });
      if (!response.ok || !data) {
        throw toProblem(error, response);
      }
      return data;
    },
  });
  const problem = pair.error instanceof ProblemError ? pair.error : null;

  if (pair.data) {
    return <WaitingForIt displayId={pair.data.displayId} name={pair.data.name} />;
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    pair.mutate();
  }
  // a refusal the fields do not show (a rule of the profile, a tag's length) is said under the form
  const saidAtFields = problem?.allAt(["pairingCode", "name", "timeZone", "tags"]) ?? false;
  return (
    <>
      <h1>Pair a display</h1>
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Pairing code" className="code-input" hint="The code the screen shows, for example KX7R-M2QD." autoComplete="off" required
               value={code} onChange={(event) => setCode(normalisePairingCode(event.target.value))} error={problem?.forField("pairingCode")} />
        <Field label="Name" required value={name} onChange={(event) => setName(event.target.value)} error={problem?.forField("name")} />
        <Field label="Time zone" required value={timeZone} onChange={(event) => setTimeZone(event.target.value)} error={problem?.forField("timeZone")}
               hint="Where the screen is: its schedule follows this clock." />
        <Field label="Tags" hint="Comma-separated, for example lobby, floor-2." value={tags} onChange={(event) => setTags(event.target.value)}
               error={problem?.forField("tags")} />
        {!saidAtFields && <FormProblem error={pair.error} />}
        <button className="button" type="submit" disabled={pair.isPending || !isCompletePairingCode(code)}>Pair</button>
      </form>
    </>
  );
}
