/** Someone else saved the same object meanwhile: what they changed, and the operator's choice. */
export function StaleEdit({ what, changes, keepMine, takeTheirs }: { what: string; changes: string[]; keepMine(): void; takeTheirs(): void }) {
  return (
    <div className="alert" role="alert">
      <p>Someone else saved this {what} while you were editing it{changes.length ? ":" : "."}</p>
      {changes.length > 0 && <ul>{changes.map((change) => <li key={change}>they {change}</li>)}</ul>}
      <div className="toolbar">
        <button className="button" type="button" onClick={keepMine}>Save mine over theirs</button>
        <button className="button secondary" type="button" onClick={takeTheirs}>Discard mine and load theirs</button>
      </div>
    </div>
  );
}
