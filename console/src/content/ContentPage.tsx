import { useEffect, useRef, useState, type DragEvent, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commands, dataOf } from "../api/clients";
import { ProblemError } from "../api/problems";
import { mayEdit, useOperator } from "../auth/SessionProvider";
import { Field } from "../design/Field";
import { Empty, Failed, FormProblem, Loading } from "../design/StateViews";
import { size, upload } from "./upload";
import { usePlaylists } from "../scheduling/playlists";

type Item = Awaited<ReturnType<typeof listContent>>[number];
type Transfer = { id: number; name: string; progress: number; error?: string; done?: boolean };

function listContent() {
  return dataOf(commands.GET("/api/v1/content"));
}

/** Files dropped or chosen, uploaded two at a time, each with its own progress bar and outcome. */
function Uploads({ onUploaded }: { onUploaded(): void }) {
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const [over, setOver] = useState(false);
  const chooser = useRef<HTMLInputElement>(null);
  const next = useRef(0);

  async function start(files: FileList | null) {
    const queued = [...(files ?? [])].map((file) => ({ file, transfer: { id: next.current++, name: file.name, progress: 0 } }));
    setTransfers((current) => [...queued.map((q) => q.transfer), ...current]);
    const update = (id: number, change: Partial<Transfer>) =>
      setTransfers((current) => current.map((t) => (t.id === id ? { ...t, ...change } : t)));
    const worker = async () => {
      for (let item = queued.shift(); item; item = queued.shift()) {
        const { file, transfer } = item;
        try {
          await upload(file, (progress) => update(transfer.id, { progress }));
          update(transfer.id, { done: true });
          onUploaded();
        } catch (failure) {
          update(transfer.id, { error: failure instanceof ProblemError ? failure.general : "The upload failed." });
        }
      }
    };
    await Promise.all([worker(), worker()]);
  }

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void start(event.dataTransfer.files);
  };
  return (
    <section aria-label="Upload">
      <div className={`dropzone${over ? " over" : ""}`} onDragOver={(event) => { event.preventDefault(); setOver(true); }}
           onDragLeave={() => setOver(false)} onDrop={drop}>
        <p>Drop images and videos here, or</p>
        <button className="button" type="button" onClick={() => chooser.current?.click()}>Choose files</button>
        <input ref={chooser} type="file" multiple hidden accept="image/*,video/*" aria-label="Files to upload"
               onChange={(event) => void start(event.target.files)} />
      </div>
      {transfers.length > 0 && (
        <ul className="list" aria-label="Uploads">
          {transfers.map((transfer) => (
            <li key={transfer.id} className="card toolbar">
              <span>{transfer.name}</span>
              <progress max={1} value={transfer.progress} aria-label={`${transfer.name} uploaded`} />
              <span role="status">{transfer.error ? <span className="error">{transfer.error}</span> : transfer.done ? "uploaded" : `${Math.round(transfer.progress * 100)} %`}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function WebPageForm({ onAdded }: { onAdded(): void }) {
  const [name, setName] = useState("");
  const [url, setUrl] = useState("https://");
  const add = useMutation({ mutationFn: () => dataOf(commands.POST("/api/v1/content/web-pages", { body: { name, url } })), onSuccess: onAdded });
  const problem = add.error instanceof ProblemError ? add.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(undefined, { onSuccess: () => { setName(""); setUrl("https://"); } });
  };
  return (
    <form className="toolbar" onSubmit={submit} noValidate aria-label="Add a web page">
      <Field label="Web page name" value={name} onChange={(event) => setName(event.target.value)} error={problem?.forField("name")} />
      <Field label="Address" type="url" value={url} onChange={(event) => setUrl(event.target.value)} error={problem?.forField("url")} />
      <button className="button" type="submit" disabled={add.isPending}>Add web page</button>
      {problem && !problem.forField("name") && !problem.forField("url") && <FormProblem error={add.error} />}
    </form>
  );
}

/** The playlists each item is in, by content id: where it is used, before anyone tries to delete it. */
function usesOf(playlists: readonly { name: string; items: readonly { contentId: string }[] }[]): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const playlist of playlists) {
    for (const contentId of new Set(playlist.items.map((item) => item.contentId))) {
      uses.set(contentId, [...(uses.get(contentId) ?? []), playlist.name]);
    }
  }
  return uses;
}

/** What an item looks like: an image, a video's first frame (its poster), or the kind of a web page. */
function Thumbnail({ item }: { item: Item }) {
  if (!item.previewUrl) {
    return <span className="thumb placeholder" aria-hidden="true">{item.kind === "web" ? "web" : "…"}</span>;
  }
  return item.kind === "video"
    ? <video className="thumb" src={item.previewUrl} preload="metadata" muted aria-hidden="true" />
    : <img className="thumb" src={item.previewUrl} alt="" loading="lazy" />;
}

/** The item large: the image, the video playing with its controls, or the web page's address to open. */
function Preview({ item, onClose }: { item: Item; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} className="preview-dialog" aria-label={`Preview of ${item.name}`} onClose={onClose}>
      {item.kind === "video" && item.previewUrl ? <video src={item.previewUrl} controls autoPlay muted />
        : item.previewUrl ? <img src={item.previewUrl} alt={item.name} />
        : <p><a href={item.url} rel="noreferrer noopener" target="_blank">{item.url}</a></p>}
      <form method="dialog"><button className="button">Close</button></form>
    </dialog>
  );
}

function ContentRow({ item, edit, usedIn, onDeleted }: { item: Item; edit: boolean; usedIn: string[] | undefined; onDeleted(): void }) {
  const [previewing, setPreviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => dataOf(commands.DELETE("/api/v1/content/{contentId}", { params: { path: { contentId: item.contentId } } })),
    onSuccess: onDeleted,
  });
  return (
    <li className="card toolbar">
      <Thumbnail item={item} />
      <strong>{item.name}</strong>
      <span className="muted">{item.kind} · {item.mediaType}{item.sizeBytes ? ` · ${size(item.sizeBytes)}` : ""}{item.state !== "ready" ? ` · ${item.state}` : ""}</span>
      {item.url && <a href={item.url} rel="noreferrer noopener" target="_blank">open</a>}
      <span className="muted">{usedIn ? `in ${usedIn.join(", ")}` : "in no playlist"}</span>
      {(item.previewUrl || item.url) && <button className="button secondary" onClick={() => setPreviewing(true)}>Preview</button>}
      {previewing && <Preview item={item} onClose={() => setPreviewing(false)} />}
      <span className="spacer" />
      {edit && !confirming && <button className="button secondary" onClick={() => setConfirming(true)}>Delete</button>}
      {confirming && <>
        <span>Delete {item.name}?</span>
        <button className="button danger" onClick={() => remove.mutate()} disabled={remove.isPending}>Delete</button>
        <button className="button secondary" onClick={() => setConfirming(false)}>Keep it</button>
      </>}
      {/* a refusal says why: the playlists that still use the item */}
      <FormProblem error={remove.error} />
    </li>
  );
}

/** The content library: uploads with progress, web pages by address, every item with its type and size. */
export function ContentPage() {
  const operator = useOperator();
  const queries = useQueryClient();
  const content = useQuery({ queryKey: ["content"], queryFn: listContent });
  const uses = usesOf(usePlaylists().data ?? []);
  const changed = () => void queries.invalidateQueries({ queryKey: ["content"] });
  const edit = mayEdit(operator.role);
  return (
    <>
      <h1>Content</h1>
      {edit && <Uploads onUploaded={changed} />}
      {edit && <WebPageForm onAdded={changed} />}
      {content.isPending ? <Loading what="content" /> : content.isError ? <Failed error={content.error} retry={() => void content.refetch()} /> :
        content.data.length === 0 ? <Empty>The library is empty.{edit ? " Upload images or videos, or add a web page." : ""}</Empty> : (
          <ul className="list" aria-label="Content">
            {content.data.map((item) => <ContentRow key={item.contentId} item={item} edit={edit} usedIn={uses.get(item.contentId)} onDeleted={changed} />)}
          </ul>
        )}
    </>
  );
}
