import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, dataOf } from "../api/clients";
import { ProblemError } from "../api/problems";
import { mayEdit, useOperator } from "../auth/SessionProvider";
import { Field } from "../design/Field";
import { Empty, Failed, Loading } from "../design/StateViews";
import { formatDuration, totalDurationMs } from "./sequence";
import { usePlaylists } from "./playlists";

/** The organisation's playlists with their length; editors start new ones here and edit them on their own page. */
export function PlaylistsPage() {
  const operator = useOperator();
  const playlists = usePlaylists();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: () => dataOf(commands.POST("/api/v1/playlists", { body: { name, items: [] } })),
    onSuccess: (playlist) => {
      void queries.invalidateQueries({ queryKey: ["playlists"] });
      void navigate(`/playlists/${playlist.playlistId}`);
    },
  });
  const problem = create.error instanceof ProblemError ? create.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <>
      <h1>Playlists</h1>
      {mayEdit(operator.role) && (
        <form className="toolbar" onSubmit={submit} noValidate>
          <Field label="New playlist" value={name} onChange={(event) => setName(event.target.value)}
                 error={problem?.forField("name") ?? problem?.general} />
          <button className="button" type="submit" disabled={create.isPending}>Create playlist</button>
        </form>
      )}
      {playlists.isPending ? <Loading what="playlists" /> : playlists.isError ? <Failed error={playlists.error} retry={() => void playlists.refetch()} /> :
        playlists.data.length === 0 ? <Empty>No playlists yet.{mayEdit(operator.role) ? " Create one, then add content from the library." : ""}</Empty> : (
          <ul className="list" aria-label="Playlists">
            {playlists.data.map((playlist) => (
              <li key={playlist.playlistId} className="card toolbar">
                <Link to={`/playlists/${playlist.playlistId}`}><strong>{playlist.name}</strong></Link>
                <span className="muted">{playlist.items.length} item{playlist.items.length === 1 ? "" : "s"} · {formatDuration(totalDurationMs(playlist.items))}</span>
              </li>
            ))}
          </ul>
        )}
    </>
  );
}
