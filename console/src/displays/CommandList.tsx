import { Failed, Loading } from "../design/StateViews";
import { commandInWords, isOpen, stateInWords, type DisplayCommand } from "./remoteCommands";

/** One command: what it was, when it was sent, where it is and what the screen said about it. */
function CommandRow({ command }: { command: DisplayCommand }) {
  const when = new Date(command.finishedAt ?? command.deliveredAt ?? command.issuedAt).toLocaleString();
  return (
    <li className="command-row">
      <strong>{commandInWords(command.command)}</strong>
      <span className={`badge ${command.state}`}>{stateInWords(command.state)}</span>
      <span className="muted">{isOpen(command) ? "sent" : "at"} {when}</span>
      {command.detail && <span className="muted">{command.detail}</span>}
    </li>
  );
}

/** The display's recent commands, newest first, each with its state in words. */
export function CommandList({ commands, error, retry }: { commands: readonly DisplayCommand[] | undefined; error: unknown; retry(): void }) {
  if (error) {
    return <Failed error={error} retry={retry} />;
  }
  if (!commands) {
    return <Loading what="the recent commands" />;
  }
  if (commands.length === 0) {
    return <p className="muted">No commands sent to this display yet.</p>;
  }
  return (
    <ul className="list" aria-label="Recent commands">
      {commands.map((command) => <CommandRow key={command.commandId} command={command} />)}
    </ul>
  );
}
