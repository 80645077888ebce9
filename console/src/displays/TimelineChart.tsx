import { clock, colourKey, conflicts, days, why, yielded, type CampaignFacts, type CampaignWindow, type TimelineSlice } from "./timelineChart";

const PALETTE = 8;

function dayName(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
}

/**
 * What a display will play, a row per day on the screen's own clock, each stretch coloured by what
 * plays and labelled with why (the winning campaign and its priority, a takeover, a default, or
 * nothing); a legend says the same for each colour.
 */
export function TimelineChart({ slices, windows, timeZone, campaigns }: {
  slices: readonly TimelineSlice[];
  windows: readonly CampaignWindow[];
  timeZone: string;
  campaigns: ReadonlyMap<string, CampaignFacts>;
}) {
  const clashes = conflicts(slices, windows, timeZone);
  const colours = new Map<string, number>();
  const legend = new Map<string, string>();
  for (const slice of slices) {
    const key = colourKey(slice);
    if (!colours.has(key)) {
      colours.set(key, slice.campaignIds.length > 0 ? colours.size % PALETTE : -1);
      legend.set(key, why(slice, campaigns));
    }
  }
  const colourOf = (slice: TimelineSlice) => {
    const index = colours.get(colourKey(slice)) ?? -1;
    return index >= 0 ? `campaign-${index}` : slice.source.toLowerCase().replace("_", "-");
  };
  return (
    <div className="timeline">
      <div className="hours" aria-hidden="true">{[0, 6, 12, 18].map((hour) => <span key={hour} style={{ left: `${(hour / 24) * 100}%` }}>{clock(hour * 60)}</span>)}</div>
      {days(slices, timeZone).map((day) => (
        <div key={day.date} className="day">
          <span className="day-name">{dayName(day.date)}</span>
          <ol className="bar" aria-label={dayName(day.date)}>
            {day.segments.map((segment) => {
              const label = `${clock(segment.fromMinute)}–${clock(segment.untilMinute)}: ${why(segment.slice, campaigns)}`;
              return (
                <li key={`${segment.slice.start}-${segment.fromMinute}`} className={colourOf(segment.slice)} title={label} aria-label={label}
                    style={{ left: `${(segment.fromMinute / 1440) * 100}%`, width: `${((segment.untilMinute - segment.fromMinute) / 1440) * 100}%` }} />
              );
            })}
          </ol>
          <ol className="clashes" aria-label={`Conflicts on ${dayName(day.date)}`}>
            {clashes.filter((clash) => clash.date === day.date).map((clash) => {
              const label = `${clock(clash.fromMinute)}–${clock(clash.untilMinute)}: ${yielded(clash, campaigns)}`;
              return <li key={`${clash.loser}-${clash.fromMinute}`} title={label} aria-label={label}
                         style={{ left: `${(clash.fromMinute / 1440) * 100}%`, width: `${((clash.untilMinute - clash.fromMinute) / 1440) * 100}%` }} />;
            })}
          </ol>
        </div>
      ))}
      <ul className="legend" aria-label="What the colours mean">
        {[...legend].map(([key, text]) => {
          const slice = slices.find((each) => colourKey(each) === key)!;
          return <li key={key}><span className={`swatch ${colourOf(slice)}`} aria-hidden="true" />{text}</li>;
        })}
      </ul>
      {clashes.length > 0 && (
        <ul className="legend" aria-label="Conflicts">
          {[...new Set(clashes.map((clash) => yielded(clash, campaigns)))].map((text) => <li key={text}><span className="swatch clash" aria-hidden="true" />{text}</li>)}
        </ul>
      )}
    </div>
  );
}
