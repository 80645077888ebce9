/** A slice of a compiled timeline, as the projector answers it. */
export interface TimelineSlice {
  start: string;
  end: string;
  source: "TAKEOVER" | "CAMPAIGN" | "DISPLAY_DEFAULT" | "ORGANISATION_DEFAULT" | "BLANK";
  campaignIds: string[];
}

/** What plays over part of one local day: from and until minutes of the day (0 to 1440), and why. */
export interface Segment {
  fromMinute: number;
  untilMinute: number;
  slice: TimelineSlice;
}

export interface Day {
  /** The local date at the display, as YYYY-MM-DD. */
  date: string;
  segments: Segment[];
}

const MINUTES_A_DAY = 1440;

/** The local date and minute of the day of an instant in a time zone, as the screen's clock shows it. */
export function localTime(instant: Date, timeZone: string): { date: string; minute: number } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-CA", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

function nextDate(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** A stretch of time cut at the screen's midnights: each piece within one local day, in minutes of that day. */
export function byLocalDay(start: string, end: string, timeZone: string): { date: string; fromMinute: number; untilMinute: number }[] {
  const first = localTime(new Date(start), timeZone);
  const last = localTime(new Date(end), timeZone);
  const pieces: { date: string; fromMinute: number; untilMinute: number }[] = [];
  let date = first.date;
  let from = first.minute;
  for (let guard = 0; date < last.date && guard < 400; guard++) {
    pieces.push({ date, fromMinute: from, untilMinute: MINUTES_A_DAY });
    date = nextDate(date);
    from = 0;
  }
  pieces.push({ date, fromMinute: from, untilMinute: last.minute });
  return pieces.filter((piece) => piece.untilMinute > piece.fromMinute);
}

/**
 * The timeline laid out as local days at the display: a slice crossing local midnight is split
 * across the days it touches, so each row reads as the screen's own day, 00:00 to 24:00.
 */
export function days(slices: readonly TimelineSlice[], timeZone: string): Day[] {
  const byDate = new Map<string, Segment[]>();
  for (const slice of slices) {
    for (const piece of byLocalDay(slice.start, slice.end, timeZone)) {
      byDate.set(piece.date, [...(byDate.get(piece.date) ?? []), { fromMinute: piece.fromMinute, untilMinute: piece.untilMinute, slice }]);
    }
  }
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, segments]) => ({ date, segments }));
}

/** When a campaign wants to play, as the projector lists it beside the slices. */
export interface CampaignWindow {
  campaignId: string;
  start: string;
  end: string;
}

/** A stretch of a local day where a campaign wanted to play and something else won. */
export interface Conflict {
  date: string;
  fromMinute: number;
  untilMinute: number;
  loser: string;
  slice: TimelineSlice;
}

/** Where each campaign's windows meet a slice it does not win: the conflicts, on the screen's clock. */
export function conflicts(slices: readonly TimelineSlice[], windows: readonly CampaignWindow[], timeZone: string): Conflict[] {
  const found: Conflict[] = [];
  for (const window of windows) {
    for (const slice of slices) {
      const start = Math.max(Date.parse(window.start), Date.parse(slice.start));
      const end = Math.min(Date.parse(window.end), Date.parse(slice.end));
      if (start < end && !slice.campaignIds.includes(window.campaignId)) {
        for (const piece of byLocalDay(new Date(start).toISOString(), new Date(end).toISOString(), timeZone)) {
          found.push({ ...piece, loser: window.campaignId, slice });
        }
      }
    }
  }
  return found;
}

/** A conflict in words: who gave way to what, and why. */
export function yielded(conflict: Conflict, campaigns: ReadonlyMap<string, CampaignFacts>): string {
  const loser = campaigns.get(conflict.loser);
  return `${loser?.name ?? "a campaign"} (priority ${loser?.priority ?? "?"}) gives way to ${why(conflict.slice, campaigns)}`;
}

export interface CampaignFacts {
  name: string;
  priority: number;
  kind: string;
}

/** Why this plays then, in words: the winning campaign and what made it win, or which default, or nothing. */
export function why(slice: TimelineSlice, campaigns: ReadonlyMap<string, CampaignFacts>): string {
  const named = slice.campaignIds.map((id) => campaigns.get(id));
  const names = named.map((campaign) => campaign?.name ?? "a campaign").join(" and ");
  switch (slice.source) {
    case "TAKEOVER":
      return `${names}: a takeover, over every normal campaign`;
    case "CAMPAIGN":
      return named.length > 1 ? `${names}, sharing the time at priority ${named[0]?.priority ?? "?"}`
        : `${names}, the highest priority here (${named[0]?.priority ?? "?"})`;
    case "DISPLAY_DEFAULT":
      return "the display's default playlist: no campaign plays then";
    case "ORGANISATION_DEFAULT":
      return "the organisation's default playlist: no campaign plays then";
    default:
      return "nothing: no campaign and no default playlist";
  }
}

/** The key a segment is coloured by: each campaign (or set of campaigns sharing), each default, and nothing. */
export function colourKey(slice: TimelineSlice): string {
  return slice.campaignIds.length > 0 ? slice.campaignIds.join("+") : slice.source;
}

export function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
