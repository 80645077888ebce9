import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, dataOf } from "../api/clients";
import { mayPublish, useOperator } from "../auth/SessionProvider";
import { Choice } from "../design/Choice";
import { Field } from "../design/Field";
import { Empty, FormProblem } from "../design/StateViews";
import { useGroups } from "../fleet/fleet";
import { errorsOf, type Campaign } from "./campaignForm";
import { useDisplays } from "./campaigns";
import { usePlaylists } from "./playlists";
import { customMinutes, DURATION_PRESETS, localTime, minutesInWords } from "./takeover";
import { TargetsPicker, WholeOrganisationChoice } from "./TargetsPicker";

interface Audience {
  wholeOrganisation: boolean;
  displays: string[];
  groups: string[];
  tags: string[];
}

function listed(names: string[], one: string, many: string): string {
  return names.length > 3 ? `${names.length} ${many}` : `${names.length === 1 ? one : many} ${names.join(", ")}`;
}

/** Who will see the takeover, in words: "Every screen in the organisation", "The displays Window, Bar and every display tagged menu". */
function audienceInWords({ wholeOrganisation, displays, groups, tags }: Audience): string {
  if (wholeOrganisation) {
    return "Every screen in the organisation";
  }
  const parts = [
    displays.length > 0 ? listed(displays, "the display", "the displays") : null,
    groups.length > 0 ? listed(groups, "the group", "the groups") : null,
    tags.length > 0 ? `every display tagged ${tags.join(" or ")}` : null,
  ].filter((part): part is string => part !== null);
  const words = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0] ?? "";
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The takeover running: until when, and the button that ends it early. */
function LiveTakeover({ campaign }: { campaign: Campaign }) {
  const queries = useQueryClient();
  const end = useMutation({
    mutationFn: () => dataOf(commands.POST("/api/v1/campaigns/{campaignId}/end", { params: { path: { campaignId: campaign.campaignId } } })),
    onSuccess: (ended) => {
      queries.setQueryData(["campaigns", ended.campaignId], ended);
      void queries.invalidateQueries({ queryKey: ["campaigns"], exact: true });
    },
  });
  const endsAt = campaign.period?.endsAt;
  return (
    <section className="card" aria-labelledby="takeover-live">
      <h2 id="takeover-live">{campaign.name}</h2>
      {end.isSuccess ? <p role="status">Ended: the screens went back to their campaigns.</p> : <>
        <p role="status">Live on the screens{endsAt ? ` until ${localTime(endsAt)}` : ""}.</p>
        <FormProblem error={end.error} />
        <div className="toolbar">
          <button className="button danger" type="button" disabled={end.isPending} onClick={() => end.mutate()}>End now</button>
          <Link to={`/campaigns/${campaign.campaignId}`}>Open the campaign</Link>
        </div>
      </>}
    </section>
  );
}

function TakeoverForm({ onLive }: { onLive(campaign: Campaign): void }) {
  const queries = useQueryClient();
  const playlists = usePlaylists();
  const displays = useDisplays();
  const groups = useGroups();
  const [name, setName] = useState("");
  const [playlistId, setPlaylistId] = useState("");
  const [wholeOrganisation, setWholeOrganisation] = useState(false);
  const [displayIds, setDisplayIds] = useState<string[]>([]);
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [tags, setTags] = useState("");
  const [preset, setPreset] = useState<number | "custom">(30);
  const [custom, setCustom] = useState("");
  const [refused, setRefused] = useState<Map<string, string>>(new Map());

  const tagList = tags.split(",").map((tag) => tag.trim()).filter(Boolean);
  const duration = preset === "custom" ? customMinutes(custom) : { minutes: preset };
  const playlist = playlists.data?.find((each) => each.playlistId === playlistId);
  const audience: Audience = {
    wholeOrganisation,
    displays: (displays.data ?? []).filter((display) => displayIds.includes(display.displayId)).map((display) => display.name),
    groups: (groups.data ?? []).filter((group) => groupIds.includes(group.groupId)).map((group) => group.name),
    tags: tagList,
  };
  const targeted = wholeOrganisation || displayIds.length > 0 || groupIds.length > 0 || tagList.length > 0;

  const send = useMutation({
    mutationFn: (minutes: number) => dataOf(commands.POST("/api/v1/takeovers", {
      body: {
        ...(name.trim() ? { name: name.trim() } : {}),
        playlistId,
        targets: wholeOrganisation ? { displayIds: [], groupIds: [], tags: [], wholeOrganisation: true }
          : { displayIds, groupIds, tags: tagList, wholeOrganisation: false },
        durationSeconds: minutes * 60,
      },
    })),
    onSuccess: (campaign) => {
      queries.setQueryData(["campaigns", campaign.campaignId], campaign);
      void queries.invalidateQueries({ queryKey: ["campaigns"], exact: true });
      onLive(campaign);
    },
  });
  const changed = <T,>(apply: (value: T) => void) => (value: T) => {
    apply(value);
    setRefused(new Map());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = new Map<string, string>();
    if (!playlistId) {
      problems.set("playlistId", "Choose the playlist the screens will show.");
    }
    if (!targeted) {
      problems.set("targets", "Choose the whole organisation, or at least one display, group or tag.");
    }
    if ("problem" in duration) {
      problems.set("durationSeconds", duration.problem);
    }
    setRefused(problems);
    if (problems.size === 0 && "minutes" in duration) {
      send.mutate(duration.minutes);
    }
  };
  const sendErrors = errorsOf(send.error);
  const errorOf = (control: string) => refused.get(control) ?? sendErrors.byControl.get(control);

  return (
    <form onSubmit={submit} noValidate aria-label="Take over now" className="campaign-form">
      <Choice label="Playlist" value={playlistId} onChange={changed(setPlaylistId)} none="Choose a playlist"
              options={(playlists.data ?? []).map((each) => ({ value: each.playlistId, label: `${each.name} (${each.items.length} items)` }))} />
      {errorOf("playlistId") && <p className="error" role="alert">{errorOf("playlistId")}</p>}
      <WholeOrganisationChoice chosen={wholeOrganisation} onChange={changed(setWholeOrganisation)} />
      {!wholeOrganisation && (
        <div className="targets">
          <TargetsPicker legend="Displays" chosen={displayIds} onChange={changed(setDisplayIds)} loaded={displays.isSuccess}
                         options={(displays.data ?? []).map((display) => ({ id: display.displayId, name: display.name }))} />
          <TargetsPicker legend="Groups" chosen={groupIds} onChange={changed(setGroupIds)} loaded={groups.isSuccess}
                         options={(groups.data ?? []).map((group) => ({ id: group.groupId, name: group.name }))} />
          <Field label="Tags" hint="comma-separated: every display with one of them" value={tags} error={errorOf("tags")}
                 onChange={(event) => changed(setTags)(event.target.value)} />
        </div>
      )}
      {errorOf("targets") && <p className="error" role="alert">{errorOf("targets")}</p>}
      <fieldset className="presets">
        <legend>Duration</legend>
        {DURATION_PRESETS.map((minutes) => (
          <label key={minutes}>
            <input type="radio" name="duration" checked={preset === minutes} onChange={() => changed(setPreset)(minutes)} />
            {minutesInWords(minutes)}
          </label>
        ))}
        <label>
          <input type="radio" name="duration" checked={preset === "custom"} onChange={() => changed(setPreset)("custom")} />
          Custom
        </label>
        {preset === "custom" && (
          <Field label="Minutes" type="number" min={1} step={1} value={custom} error={errorOf("durationSeconds")}
                 onChange={(event) => changed(setCustom)(event.target.value)} />
        )}
      </fieldset>
      {preset !== "custom" && errorOf("durationSeconds") && <p className="error" role="alert">{errorOf("durationSeconds")}</p>}
      <Field label="Name (optional)" hint="how it is listed among the campaigns" value={name} error={errorOf("name")}
             onChange={(event) => changed(setName)(event.target.value)} />
      {playlist && targeted && "minutes" in duration && (
        <p className="confirmation">{audienceInWords(audience)} will show {playlist.name} for {minutesInWords(duration.minutes)}, starting now.</p>
      )}
      {sendErrors.general && <p className="alert" role="alert">{sendErrors.general}</p>}
      <div className="toolbar">
        <button className="button danger" type="submit" disabled={send.isPending}>Take over now</button>
        <Link to="/campaigns">Cancel</Link>
      </div>
    </form>
  );
}

/** Taking over screens now, for a while (admins and owners): a playlist over every campaign until it ends by itself or is ended. */
export function TakeoverPage() {
  const operator = useOperator();
  const [live, setLive] = useState<Campaign | null>(null);
  return (
    <>
      <h1>Take over now</h1>
      {!mayPublish(operator.role) ? <Empty>Only admins and owners may take over screens.</Empty>
        : live ? <LiveTakeover campaign={live} /> : <TakeoverForm onLive={setLive} />}
    </>
  );
}
