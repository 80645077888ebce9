import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, dataOf } from "../api/clients";
import { mayManageFleet, useOperator } from "../auth/SessionProvider";
import { FormProblem } from "../design/StateViews";
import { useFleet } from "../fleet/fleet";
import { CommandList } from "./CommandList";
import { LatestScreenshot } from "./LatestScreenshot";
import { commandInWords, sentCommand, useDisplayCommands, type CommandName, type DisplayCommand } from "./remoteCommands";

/** The commands an operator may send one display, in the order of the buttons; the disruptive ones ask first. */
const buttons: CommandName[] = ["IDENTIFY", "RELOAD", "SCREENSHOT", "CLEAR_CACHE", "RESTART"];
const disruptive: Partial<Record<CommandName, string>> = {
  CLEAR_CACHE: "The screen forgets its downloaded media and fetches it again, so it may go blank for a while.",
  RESTART: "The player starts again, so the screen goes dark for a moment.",
};

/** The buttons, or the question a disruptive command asks before it is sent. */
function CommandButtons({ displayName, busy, onSend }: { displayName: string; busy: boolean; onSend(command: CommandName): void }) {
  const [asking, setAsking] = useState<CommandName | null>(null);
  if (asking) {
    return (
      <div className="toolbar">
        <span>{commandInWords(asking)} {displayName}? {disruptive[asking]}</span>
        <button className="button danger" type="button" disabled={busy} onClick={() => { setAsking(null); onSend(asking); }}>{commandInWords(asking)}</button>
        <button className="button secondary" type="button" onClick={() => setAsking(null)}>Cancel</button>
      </div>
    );
  }
  return (
    <div className="toolbar" role="group" aria-label="Commands">
      {buttons.map((command) => (
        <button key={command} className="button secondary" type="button" disabled={busy}
                onClick={() => disruptive[command] ? setAsking(command) : onSend(command)}>{commandInWords(command)}</button>
      ))}
    </div>
  );
}

/** Remote control of one display: commands to send it (admins and owners), what became of the recent ones, and its newest screenshot. */
export function RemoteControl({ displayId, displayName }: { displayId: string; displayName: string }) {
  const manage = mayManageFleet(useOperator().role);
  const queries = useQueryClient();
  const [sent, setSent] = useState<DisplayCommand[]>([]);
  const recent = useDisplayCommands(displayId, sent);
  const fleetShot = useFleet().data?.find((entry) => entry.displayId === displayId)?.lastScreenshot?.screenshotId;
  const doneShot = recent.all?.find((command) => command.command === "screenshot" && command.state === "done" && command.screenshotId)?.screenshotId;
  const send = useMutation({
    mutationFn: (command: CommandName) => dataOf(commands.POST("/api/v1/commands", {
      body: { command, targets: { displayIds: [displayId], groupIds: [], tags: [], wholeOrganisation: false } },
    })),
    onSuccess: (issued) => {
      setSent((earlier) => [sentCommand(issued, displayId), ...earlier]);
      void queries.invalidateQueries({ queryKey: ["display-commands", displayId] });
    },
  });
  return (
    <section className="card" aria-labelledby="remote-control">
      <h2 id="remote-control">Remote control</h2>
      {manage && <CommandButtons displayName={displayName} busy={send.isPending} onSend={(command) => send.mutate(command)} />}
      <FormProblem error={send.error} />
      <div className="remote-control">
        <div>
          <h3>Recent commands</h3>
          <CommandList commands={recent.all} error={recent.error} retry={() => void recent.refetch()} />
        </div>
        <div>
          <h3>Latest screenshot</h3>
          <LatestScreenshot displayId={displayId} displayName={displayName} expected={[doneShot, fleetShot].filter((id): id is string => Boolean(id))} />
        </div>
      </div>
    </section>
  );
}
