import { useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, dataOf } from "../api/clients";
import { ProblemError } from "../api/problems";
import { mayManageFleet, useOperator } from "../auth/SessionProvider";
import { Choice } from "../design/Choice";
import { Field } from "../design/Field";
import { FormProblem, Loaded } from "../design/StateViews";
import { statusOf, useFleet, useGroups, type FleetEntry } from "../fleet/fleet";
import { usePlaylists } from "../scheduling/playlists";
import { TargetsPicker } from "../scheduling/TargetsPicker";
import { DisplaySchedule, SpanChoice, type Span } from "./DisplaySchedule";
import { RemoteControl } from "./RemoteControl";
import type { components } from "../api/generated/command-service";

type Display = components["schemas"]["Display"];
/** The zones the browser knows, with the display's own first when the browser's list lacks it ("UTC" is not in Chromium's). */
export function timeZoneChoices(current: string, known: readonly string[] = Intl.supportedValuesOf("timeZone")): string[] {
  return known.includes(current) ? [...known] : [current, ...known];
}

/** The display's compiled timeline from now, for a week or a month, drawn on its own clock. */
function Schedule({ display }: { display: Display }) {
  const [span, setSpan] = useState<Span>(7);
  return (
    <section className="card" aria-labelledby="schedule">
      <div className="toolbar">
        <h2 id="schedule">What it will play</h2>
        <span className="muted">on its clock ({display.timeZone})</span>
        <span className="spacer" />
        <SpanChoice span={span} onChange={setSpan} />
      </div>
      <DisplaySchedule displayId={display.displayId} timeZone={display.timeZone} span={span} />
    </section>
  );
}

function Details({ display }: { display: Display }) {
  const operator = useOperator();
  const manage = mayManageFleet(operator.role);
  const queries = useQueryClient();
  const navigate = useNavigate();
  const groups = useGroups();
  const playlists = usePlaylists();
  const [draft, setDraft] = useState({ name: display.name, timeZone: display.timeZone, groupIds: display.groupIds, tags: display.tags.join(", "),
    defaultPlaylistId: display.defaultPlaylistId ?? "" });
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => dataOf(commands.PUT("/api/v1/displays/{displayId}", {
      params: { path: { displayId: display.displayId } },
      body: { name: draft.name, timeZone: draft.timeZone, groupIds: draft.groupIds, tags: draft.tags.split(",").map((tag) => tag.trim()).filter(Boolean),
        ...(draft.defaultPlaylistId ? { defaultPlaylistId: draft.defaultPlaylistId } : {}) },
    })),
    onSuccess: (stored) => {
      setSaved(true);
      queries.setQueryData(["displays", display.displayId], stored);
      void queries.invalidateQueries({ queryKey: ["timeline", display.displayId] });
    },
  });
  const unpair = useMutation({
    mutationFn: () => dataOf(commands.DELETE("/api/v1/displays/{displayId}", { params: { path: { displayId: display.displayId } } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ["fleet"] });
      void navigate("/displays");
    },
  });
  const problem = save.error instanceof ProblemError ? save.error : null;
  const set = (change: Partial<typeof draft>) => {
    setDraft({ ...draft, ...change });
    setSaved(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="card display-form" onSubmit={submit} noValidate aria-label="Details">
      <h2>Details</h2>
      <fieldset disabled={!manage} className="plain">
        <Field label="Name" value={draft.name} onChange={(event) => set({ name: event.target.value })} error={problem?.forField("name")} />
        <Choice label="Time zone" value={draft.timeZone} onChange={(timeZone) => set({ timeZone })} options={timeZoneChoices(display.timeZone).map((zone) => ({ value: zone, label: zone }))} />
        <TargetsPicker legend="Groups" chosen={draft.groupIds} onChange={(groupIds) => set({ groupIds })} loaded={groups.isSuccess}
                       options={(groups.data ?? []).map((group) => ({ id: group.groupId, name: group.name }))} />
        <Field label="Tags" hint="comma-separated" value={draft.tags} onChange={(event) => set({ tags: event.target.value })} error={problem?.forField("tags")} />
        <Choice label="Default playlist" value={draft.defaultPlaylistId} onChange={(defaultPlaylistId) => set({ defaultPlaylistId })}
                none="None: the organisation's default" options={(playlists.data ?? []).map((playlist) => ({ value: playlist.playlistId, label: playlist.name }))} />
      </fieldset>
      {problem && !problem.forField("name") && !problem.forField("tags") && <FormProblem error={problem} />}
      {manage && (
        <div className="toolbar">
          <button className="button" type="submit" disabled={save.isPending}>Save</button>
          {saved && <span role="status">Saved.</span>}
          <span className="spacer" />
          {!confirming ? <button className="button secondary" type="button" onClick={() => setConfirming(true)}>Unpair</button> : <>
            <span>Unpair {display.name}? The screen goes back to showing a pairing code.</span>
            <button className="button danger" type="button" disabled={unpair.isPending} onClick={() => unpair.mutate()}>Unpair</button>
            <button className="button secondary" type="button" onClick={() => setConfirming(false)}>Keep it</button>
          </>}
        </div>
      )}
      <FormProblem error={unpair.error} />
    </form>
  );
}

type Browser = NonNullable<NonNullable<FleetEntry["showing"]>["browser"]>;

/** The kiosk browser the screen's agent supervises: its state, and how often it had to be started again and why. */
function BrowserState({ browser }: { browser: Browser }) {
  const restarted = browser.restarts > 0 ? `, started again ${browser.restarts}×` : "";
  const why = browser.detail ? ` (last: ${browser.detail})` : "";
  return <span className={browser.state === "failing" ? "status offline" : "muted"}>browser {browser.state}{restarted}{why}</span>;
}

/** Now: online or not, what the screen reports showing and its browser, from the live fleet. */
function Presence({ displayId }: { displayId: string }) {
  const entry = useFleet().data?.find((each) => each.displayId === displayId);
  if (!entry) {
    return null;
  }
  const status = statusOf(entry);
  return (
    <p className="toolbar">
      <span className={`status ${status.replace(/ /g, "-")}`}>{status}</span>
      <span className="muted">last seen {entry.lastSeenAt ? new Date(entry.lastSeenAt).toLocaleString() : "never"}</span>
      {entry.showing?.browser && <BrowserState browser={entry.showing.browser} />}
    </p>
  );
}

/** One display: its state now, what it will play for a week or a month and why, remote control of it and its settings. */
export function DisplayPage() {
  const { displayId = "" } = useParams();
  const display = useQuery({
    queryKey: ["displays", displayId],
    queryFn: () => dataOf(commands.GET("/api/v1/displays/{displayId}", { params: { path: { displayId } } })),
  });
  return (
    <Loaded query={display} what="the display">
      {(found) => (
        <>
          <h1>{found.name}</h1>
          <Presence displayId={found.displayId} />
          <Schedule display={found} />
          <RemoteControl displayId={found.displayId} displayName={found.name} />
          <Details key={found.displayId} display={found} />
        </>
      )}
    </Loaded>
  );
}
