import { useState, type FormEvent } from "react";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent,
  type UniqueIdentifier } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { commands, dataOf } from "../api/clients";
import { ProblemError } from "../api/problems";
import { mayEdit, mayPublish, useOperator } from "../auth/SessionProvider";
import { Choice } from "../design/Choice";
import { Field } from "../design/Field";
import { FormProblem, Loaded } from "../design/StateViews";
import { changesBetween, durationProblem, formatDuration, moved, totalDurationMs, type SequenceItem } from "./sequence";
import { usePlaylistOnScreens } from "./campaigns";
import { ifMatch, useContentById, usePlaylist, type Playlist } from "./playlists";
import { SequencePreview } from "./SequencePreview";
import { StaleEdit } from "./StaleEdit";

const DEFAULT_DURATION_MS = 10_000;
const MOVING = "To move an item, press Space or Enter on its handle, then the up and down arrows, then Space or Enter to drop it, or Escape to cancel.";
let nextKey = 0;
const keyed = (items: Playlist["items"]): SequenceItem[] => items.map((item) => ({ ...item, key: `item-${nextKey++}` }));

interface RowProps {
  item: SequenceItem;
  position: number;
  name: string;
  edit: boolean;
  onDuration(seconds: number): void;
  onRemove(): void;
}

/** One item: dragged by its handle (mouse, touch, or Space and the arrow keys), its duration typed in seconds. */
function ItemRow({ item, position, name, edit, onDuration, onRemove }: RowProps) {
  const sortable = useSortable({ id: item.key, disabled: !edit });
  const [typed, setTyped] = useState(String(item.durationMs / 1000));
  const problem = durationProblem(Number(typed));
  return (
    <li ref={sortable.setNodeRef} className="card toolbar item-row"
        style={{ transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition }}>
      {edit && <button type="button" className="handle" aria-label={`Move ${name}, item ${position}`} {...sortable.attributes} {...sortable.listeners}>⠿</button>}
      <span className="muted">{position}.</span>
      <strong>{name}</strong>
      <span className="spacer" />
      {edit ? (
        <Field label={`Seconds for ${name}, item ${position}`} type="number" min={1} max={86_400} step={1} value={typed} error={problem}
               onChange={(event) => {
                 setTyped(event.target.value);
                 onDuration(event.target.value.trim() === "" ? Number.NaN : Number(event.target.value));
               }} />
      ) : <span>{formatDuration(item.durationMs)}</span>}
      {edit && <button type="button" className="button secondary" onClick={onRemove} aria-label={`Remove ${name}, item ${position}`}>Remove</button>}
    </li>
  );
}

function PlaylistEditor({ playlist }: { playlist: Playlist }) {
  const operator = useOperator();
  const onScreens = usePlaylistOnScreens(playlist.playlistId);
  // an editor may change a playlist nothing shows; one on screens is for those who may publish
  const heldBack = onScreens.onScreens && mayEdit(operator.role) && !mayPublish(operator.role);
  const edit = mayEdit(operator.role) && !heldBack;
  const queries = useQueryClient();
  const navigate = useNavigate();
  const { content, byId } = useContentById();
  const [base, setBase] = useState(playlist);
  const [name, setName] = useState(playlist.name);
  const [items, setItems] = useState(() => keyed(playlist.items));
  const [adding, setAdding] = useState("");
  const [stale, setStale] = useState<Playlist | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const nameOf = (contentId: string) => byId.get(contentId)?.name ?? "content";
  const invalid = items.some((item) => durationProblem(item.durationMs / 1000));

  const save = useMutation({
    mutationFn: (version: number) => dataOf(commands.PUT("/api/v1/playlists/{playlistId}", {
      params: { path: { playlistId: playlist.playlistId }, header: ifMatch(version) },
      body: { name, items: items.map(({ contentId, durationMs }) => ({ contentId, durationMs })) },
    })),
    onSuccess: (stored) => {
      setBase(stored);
      setStale(null);
      setSaved(true);
      queries.setQueryData(["playlists", playlist.playlistId], stored);
      void queries.invalidateQueries({ queryKey: ["playlists"], exact: true });
    },
    onError: async (error) => {
      if (error instanceof ProblemError && error.problem.status === 412) {
        setStale(await dataOf(commands.GET("/api/v1/playlists/{playlistId}", { params: { path: { playlistId: playlist.playlistId } } })));
      }
    },
  });
  const remove = useMutation({
    mutationFn: () => dataOf(commands.DELETE("/api/v1/playlists/{playlistId}", { params: { path: { playlistId: playlist.playlistId } } })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ["playlists"] });
      void navigate("/playlists");
    },
  });
  const changed = (change: () => void) => {
    change();
    setSaved(false);
  };
  const label = (key: UniqueIdentifier) => {
    const index = items.findIndex((item) => item.key === key);
    return `${nameOf(items[index]?.contentId ?? "")}, item ${index + 1}`;
  };
  const position = (key: UniqueIdentifier) => items.findIndex((item) => item.key === key) + 1;
  // what a screen reader says while an item is moved with the keyboard
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${label(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${label(active.id)} is over position ${position(over.id)}.` : `${label(active.id)} is over no position.`),
    onDragEnd: ({ active, over }) => `${label(active.id)} dropped${over ? ` at position ${position(over.id)}` : ""}.`,
    onDragCancel: ({ active }) => `Moving ${label(active.id)} was cancelled.`,
  };
  const dragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) {
      const from = items.findIndex((item) => item.key === active.id);
      const to = items.findIndex((item) => item.key === over.id);
      changed(() => setItems(moved(items, from, to)));
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(base.version);
  };
  const ready = (content.data ?? []).filter((item) => item.state === "ready");
  const problem = save.error instanceof ProblemError && save.error.problem.status !== 412 ? save.error : null;

  return (
    <form onSubmit={submit} noValidate aria-label={`Playlist ${base.name}`}>
      <div className="toolbar">
        <h1>{base.name}</h1>
        <span className="muted">{items.length} item{items.length === 1 ? "" : "s"}, {formatDuration(totalDurationMs(items))} a loop</span>
      </div>
      {heldBack && (
        <p className="muted" role="status">
          This playlist is on screens now ({onScreens.playedBy.length > 0 ? `played by ${onScreens.playedBy.join(", ")}` : "a default playlist"}):
          changing it changes what they show at once, so an admin or owner makes the changes.
        </p>
      )}
      {edit && <Field label="Name" value={name} onChange={(event) => changed(() => setName(event.target.value))} error={problem?.forField("name")} />}
      {stale && (
        <StaleEdit what="playlist" changes={changesBetween(base, stale, nameOf)}
                   keepMine={() => save.mutate(stale.version)}
                   takeTheirs={() => { setBase(stale); setName(stale.name); setItems(keyed(stale.items)); setStale(null); save.reset(); }} />
      )}
      <h2>Items</h2>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={dragEnd}
                  accessibility={{ announcements, screenReaderInstructions: { draggable: MOVING } }}>
        <SortableContext items={items.map((item) => item.key)} strategy={verticalListSortingStrategy}>
          <ol className="list" aria-label="Items">
            {items.map((item, index) => (
              <ItemRow key={item.key} item={item} position={index + 1} name={nameOf(item.contentId)} edit={edit}
                       onDuration={(seconds) => changed(() => setItems(items.map((each) => each.key === item.key ? { ...each, durationMs: seconds * 1000 } : each)))}
                       onRemove={() => changed(() => setItems(items.filter((each) => each.key !== item.key)))} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {items.length === 0 && <p className="muted">No items yet: a screen playing this shows nothing.{edit ? " Add content from the library." : ""}</p>}
      {edit && (
        <div className="toolbar">
          <Choice label="Content to add" value={adding} onChange={setAdding} none="Choose from the library"
                  options={ready.map((item) => ({ value: item.contentId, label: `${item.name} (${item.kind})` }))} />
          <button className="button secondary" type="button" disabled={!adding}
                  onClick={() => changed(() => setItems([...items, ...keyed([{ contentId: adding, durationMs: DEFAULT_DURATION_MS }])]))}>Add</button>
        </div>
      )}
      <SequencePreview items={items} nameOf={nameOf} />
      {problem && <FormProblem error={problem} />}
      {edit && (
        <div className="toolbar">
          <button className="button" type="submit" disabled={save.isPending || invalid || !!stale}>Save playlist</button>
          {saved && <span role="status">Saved.</span>}
          <span className="spacer" />
          {!confirmingDelete ? <button className="button secondary" type="button" onClick={() => setConfirmingDelete(true)}>Delete playlist</button> : <>
            <span>Delete {base.name}?</span>
            <button className="button danger" type="button" onClick={() => remove.mutate()} disabled={remove.isPending}>Delete</button>
            <button className="button secondary" type="button" onClick={() => setConfirmingDelete(false)}>Keep it</button>
          </>}
        </div>
      )}
      <FormProblem error={remove.error} />
    </form>
  );
}

/** One playlist: its items reordered by dragging, their durations, a preview of the loop; refused saves explained in place. */
export function PlaylistEditorPage() {
  const { playlistId = "" } = useParams();
  return (
    <Loaded query={usePlaylist(playlistId)} what="the playlist">
      {(playlist) => <PlaylistEditor key={playlist.playlistId} playlist={playlist} />}
    </Loaded>
  );
}
