import { useEffect, useState } from "react";
import { formatDuration, playingAt, strip, totalDurationMs, type SequenceItem } from "./sequence";

/** The loop drawn to scale, and played through in place at its real pace, as a screen would run it. */
export function SequencePreview({ items, nameOf }: { items: readonly SequenceItem[]; nameOf(contentId: string): string }) {
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === null) {
      return;
    }
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [startedAt]);
  const playing = startedAt === null ? -1 : playingAt(items, now - startedAt);
  const current = items[playing];
  return (
    <section className="card preview" aria-label="Preview">
      <div className="toolbar">
        <h2>Preview</h2>
        <span className="muted">one loop lasts {formatDuration(totalDurationMs(items))}</span>
        <span className="spacer" />
        <button className="button secondary" type="button" disabled={items.length === 0}
                onClick={() => { setNow(Date.now()); setStartedAt(startedAt === null ? Date.now() : null); }}>
          {startedAt === null ? "Play preview" : "Stop preview"}
        </button>
      </div>
      <ol className="strip" aria-label="The loop to scale">
        {strip(items).map((entry, index) => (
          <li key={entry.key} className={index === playing ? "playing" : undefined} style={{ flexGrow: entry.share }}
              title={`${nameOf(items[index]!.contentId)}, from ${formatDuration(entry.startMs)}`}>
            <span>{nameOf(items[index]!.contentId)}</span>
          </li>
        ))}
      </ol>
      {current && <p role="status">Now showing: <strong>{nameOf(current.contentId)}</strong> for {formatDuration(current.durationMs)}</p>}
    </section>
  );
}
