import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, dataOf } from "../api/clients";
import { ProblemError } from "../api/problems";
import { mayManageFleet, useOperator } from "../auth/SessionProvider";
import { Field } from "../design/Field";
import { Empty, Failed, FormProblem, Loading } from "../design/StateViews";
import { useGroups } from "./fleet";

type Group = NonNullable<ReturnType<typeof useGroups>["data"]>[number];

function useGroupChange<T>(change: (input: T) => Promise<unknown>) {
  const queries = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => queries.invalidateQueries({ queryKey: ["display-groups"] }) });
}

function GroupRow({ group, manage }: { group: Group; manage: boolean }) {
  const [name, setName] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const rename = useGroupChange((newName: string) =>
    dataOf(commands.PUT("/api/v1/display-groups/{groupId}", { params: { path: { groupId: group.groupId } }, body: { name: newName } })));
  const remove = useGroupChange(() =>
    dataOf(commands.DELETE("/api/v1/display-groups/{groupId}", { params: { path: { groupId: group.groupId } } })));

  if (name !== null) {
    const save = (event: FormEvent) => {
      event.preventDefault();
      rename.mutate(name, { onSuccess: () => setName(null) });
    };
    return (
      <li className="card">
        <form className="toolbar" onSubmit={save}>
          <Field label={`New name for ${group.name}`} value={name} onChange={(event) => setName(event.target.value)}
                 error={rename.error instanceof ProblemError ? rename.error.forField("name") ?? rename.error.general : undefined} />
          <button className="button" type="submit" disabled={rename.isPending}>Save</button>
          <button className="button secondary" type="button" onClick={() => setName(null)}>Cancel</button>
        </form>
      </li>
    );
  }
  return (
    <li className="card toolbar">
      <strong>{group.name}</strong>
      <span className="spacer" />
      {manage && !confirming && <>
        <button className="button secondary" onClick={() => setName(group.name)}>Rename</button>
        <button className="button secondary" onClick={() => setConfirming(true)}>Delete</button>
      </>}
      {confirming && <>
        <span>Delete {group.name}? Its displays stay, without this group.</span>
        <button className="button danger" onClick={() => remove.mutate(undefined)} disabled={remove.isPending}>Delete</button>
        <button className="button secondary" onClick={() => setConfirming(false)}>Keep it</button>
      </>}
      <FormProblem error={remove.error} />
    </li>
  );
}

/** Display groups: listed for everyone, created, renamed and deleted by those who manage the fleet. */
export function GroupsPage() {
  const operator = useOperator();
  const groups = useGroups();
  const [name, setName] = useState("");
  const create = useGroupChange((newName: string) => dataOf(commands.POST("/api/v1/display-groups", { body: { name: newName } })));
  const manage = mayManageFleet(operator.role);
  const problem = create.error instanceof ProblemError ? create.error : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(name, { onSuccess: () => setName("") });
  }
  return (
    <>
      <h1>Groups</h1>
      {manage && (
        <form className="toolbar" onSubmit={submit} noValidate>
          <Field label="New group" value={name} onChange={(event) => setName(event.target.value)} error={problem?.forField("name") ?? (problem ? problem.general : undefined)} />
          <button className="button" type="submit" disabled={create.isPending}>Create group</button>
        </form>
      )}
      {groups.isPending ? <Loading what="groups" /> : groups.isError ? <Failed error={groups.error} retry={() => void groups.refetch()} /> :
        groups.data.length === 0 ? <Empty>No groups yet.{manage ? " Create one to schedule campaigns onto several displays at once." : ""}</Empty> : (
          <ul className="list" aria-label="Groups">{groups.data.map((group) => <GroupRow key={group.groupId} group={group} manage={manage} />)}</ul>
        )}
    </>
  );
}
