import { useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, dataOf } from "../api/clients";
import { ProblemError } from "../api/problems";
import { mayEdit, mayPublish, useOperator } from "../auth/SessionProvider";
import { Choice } from "../design/Choice";
import { Field } from "../design/Field";
import { FormProblem, Loaded } from "../design/StateViews";
import { useGroups } from "../fleet/fleet";
import { campaignChanges, draftOf, errorsOf, newDraft, requestOf, type Campaign, type CampaignDraft } from "./campaignForm";
import { useCampaign, useDisplays } from "./campaigns";
import { DaypartsEditor } from "./DaypartsEditor";
import { ifMatch, usePlaylists } from "./playlists";
import { StaleEdit } from "./StaleEdit";
import { localTime, takeoverEnd } from "./takeover";
import { TargetsPicker, WholeOrganisationChoice } from "./TargetsPicker";

function CampaignForm({ campaign }: { campaign: Campaign | null }) {
  const operator = useOperator();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const playlists = usePlaylists();
  const displays = useDisplays();
  const groups = useGroups();
  const [base, setBase] = useState(campaign);
  const [draft, setDraft] = useState<CampaignDraft>(() => (campaign ? draftOf(campaign) : newDraft(new Date())));
  // compared as requests: a draft also holds what only the form needs (keys of its rows)
  const unsaved = base ? JSON.stringify(requestOf(draft)) !== JSON.stringify(requestOf(draftOf(base))) : false;
  const [stale, setStale] = useState<Campaign | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<"end" | "delete" | null>(null);
  const state = base?.state ?? "draft";
  const editable = state === "draft" ? mayEdit(operator.role) : state === "published" && mayPublish(operator.role);
  const set = (change: Partial<CampaignDraft>) => {
    setDraft({ ...draft, ...change });
    setSaid(null);
  };
  const stored = (next: Campaign, message: string) => {
    setBase(next);
    // the form shows what is stored now, as the service wrote it (tags and times in its own spelling)
    setDraft(draftOf(next));
    setStale(null);
    setSaid(message);
    queries.setQueryData(["campaigns", next.campaignId], next);
    void queries.invalidateQueries({ queryKey: ["campaigns"], exact: true });
  };

  const save = useMutation({
    mutationFn: async (version?: number) => base
      ? dataOf(commands.PUT("/api/v1/campaigns/{campaignId}", {
        params: { path: { campaignId: base.campaignId }, header: ifMatch(version ?? base.version) }, body: requestOf(draft) }))
      : dataOf(commands.POST("/api/v1/campaigns", { body: requestOf(draft) })),
    onSuccess: (next) => {
      stored(next, "Saved.");
      if (!base) {
        void navigate(`/campaigns/${next.campaignId}`, { replace: true });
      }
    },
    onError: async (error) => {
      if (base && error instanceof ProblemError && error.problem.status === 412) {
        setStale(await dataOf(commands.GET("/api/v1/campaigns/{campaignId}", { params: { path: { campaignId: base.campaignId } } })));
      }
    },
  });
  const act = useMutation({
    mutationFn: async (action: "publish" | "end" | "delete") => {
      const campaignId = base!.campaignId;
      if (action === "delete") {
        await dataOf(commands.DELETE("/api/v1/campaigns/{campaignId}", { params: { path: { campaignId } } }));
        return null;
      }
      return action === "publish"
        ? dataOf(commands.POST("/api/v1/campaigns/{campaignId}/publish", { params: { path: { campaignId } } }))
        : dataOf(commands.POST("/api/v1/campaigns/{campaignId}/end", { params: { path: { campaignId } } }));
    },
    onSuccess: (next) => {
      setConfirming(null);
      if (next) {
        stored(next, next.state === "published" ? "Published: the screens it targets are getting it now." : "Ended.");
      } else {
        void queries.invalidateQueries({ queryKey: ["campaigns"] });
        void navigate("/campaigns");
      }
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    act.reset();
    save.mutate(undefined);
  };
  const saveErrors = errorsOf(save.error instanceof ProblemError && save.error.problem.status === 412 ? null : save.error);
  const errorOf = (control: string) => saveErrors.byControl.get(control);
  const playlistName = (id: string) => playlists.data?.find((playlist) => playlist.playlistId === id)?.name ?? "another playlist";

  return (
    <form onSubmit={submit} noValidate aria-label={base ? `Campaign ${base.name}` : "New campaign"} className="campaign-form">
      <div className="toolbar">
        <h1>{base ? base.name : "New campaign"}</h1>
        {base && <span className={`badge ${state}`}>{state}</span>}
        {base && takeoverEnd(base) && <span className="badge takeover">Takeover until {localTime(takeoverEnd(base)!)}</span>}
      </div>
      {stale && base && (
        <StaleEdit what="campaign" changes={campaignChanges(base, stale, playlistName)} keepMine={() => save.mutate(stale.version)}
                   takeTheirs={() => { setBase(stale); setDraft(draftOf(stale)); setStale(null); save.reset(); }} />
      )}
      <fieldset disabled={!editable} className="plain">
        <Field label="Name" value={draft.name} error={errorOf("name")} onChange={(event) => set({ name: event.target.value })} />
        <Choice label="Playlist" value={draft.playlistId} onChange={(playlistId) => set({ playlistId })} none="Choose a playlist"
                options={(playlists.data ?? []).map((playlist) => ({ value: playlist.playlistId, label: `${playlist.name} (${playlist.items.length} items)` }))} />
        {errorOf("playlistId") && <p className="error" role="alert">{errorOf("playlistId")}</p>}
        <WholeOrganisationChoice chosen={draft.wholeOrganisation} onChange={(wholeOrganisation) => set({ wholeOrganisation })} />
        <div className="targets">
          <TargetsPicker legend="Displays" chosen={draft.displayIds} onChange={(displayIds) => set({ displayIds })} loaded={displays.isSuccess}
                         options={(displays.data ?? []).map((display) => ({ id: display.displayId, name: display.name }))} />
          <TargetsPicker legend="Groups" chosen={draft.groupIds} onChange={(groupIds) => set({ groupIds })} loaded={groups.isSuccess}
                         options={(groups.data ?? []).map((group) => ({ id: group.groupId, name: group.name }))} />
          <Field label="Tags" hint="comma-separated: every display with one of them" value={draft.tags} error={errorOf("tags")}
                 onChange={(event) => set({ tags: event.target.value })} />
        </div>
        {errorOf("targets") && <p className="error" role="alert">{errorOf("targets")}</p>}
        <div className="toolbar">
          <Field label="First day" type="date" value={draft.startDate} error={errorOf("startDate")} onChange={(event) => set({ startDate: event.target.value })} />
          <Field label="Last day" type="date" value={draft.endDate} error={errorOf("endDate")} onChange={(event) => set({ endDate: event.target.value })} />
          <Field label="Every how many weeks" type="number" min={1} max={52} value={draft.everyWeeks} error={errorOf("everyWeeks")}
                 onChange={(event) => set({ everyWeeks: Number(event.target.value) })} />
        </div>
        <DaypartsEditor dayparts={draft.dayparts} onChange={(dayparts) => set({ dayparts })} errorOf={errorOf} editable={editable} />
        <div className="toolbar">
          <Field label="Priority" type="number" min={0} max={1000} value={draft.priority} error={errorOf("priority")}
                 hint="the highest priority playing at a moment wins; equal ones share the time"
                 onChange={(event) => set({ priority: Number(event.target.value) })} />
          <Choice label="Kind" value={draft.kind} onChange={(kind) => set({ kind: kind === "TAKEOVER" ? "TAKEOVER" : "NORMAL" })}
                  options={[{ value: "NORMAL", label: "Normal" }, { value: "TAKEOVER", label: "Takeover: plays over every normal campaign" }]} />
        </div>
      </fieldset>
      {saveErrors.general && <p className="alert" role="alert">{saveErrors.general}</p>}
      <FormProblem error={act.error} />
      <div className="toolbar">
        {editable && <button className="button" type="submit" disabled={save.isPending || !!stale}>{base ? "Save" : "Save draft"}</button>}
        {base && state === "draft" && mayPublish(operator.role) && (
          // publishing sends the stored draft: changes still in the form would not be what goes on screens
          <button className="button" type="button" disabled={act.isPending || save.isPending || unsaved} onClick={() => act.mutate("publish")}>Publish</button>
        )}
        {base && state === "draft" && mayPublish(operator.role) && unsaved && <span className="muted">Save your changes to publish them.</span>}
        {base && state === "published" && mayPublish(operator.role) && confirming !== "end" && (
          <button className="button secondary" type="button" onClick={() => setConfirming("end")}>End campaign</button>
        )}
        {base && state !== "published" && mayEdit(operator.role) && confirming !== "delete" && (
          <button className="button secondary" type="button" onClick={() => setConfirming("delete")}>Delete campaign</button>
        )}
        {confirming && <>
          <span>{confirming === "end" ? "End it now, for good? Its screens stop playing it." : "Delete it?"}</span>
          <button className="button danger" type="button" disabled={act.isPending} onClick={() => act.mutate(confirming)}>
            {confirming === "end" ? "End now" : "Delete"}
          </button>
          <button className="button secondary" type="button" onClick={() => setConfirming(null)}>Keep it</button>
        </>}
        {said && <span role="status">{said}</span>}
      </div>
    </form>
  );
}

/** A campaign's rules, drafted, published and ended; the API's refusals shown beside the fields they name. */
export function CampaignFormPage() {
  const { campaignId } = useParams();
  return campaignId ? <ExistingCampaign campaignId={campaignId} /> : <CampaignForm campaign={null} />;
}

function ExistingCampaign({ campaignId }: { campaignId: string }) {
  return (
    <Loaded query={useCampaign(campaignId)} what="the campaign">
      {(campaign) => <CampaignForm key={campaign.campaignId} campaign={campaign} />}
    </Loaded>
  );
}
