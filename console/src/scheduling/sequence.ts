/** A playlist's items as the editor holds them: each with a key of its own, so the same content may appear twice. */
export interface SequenceItem {
  key: string;
  contentId: string;
  durationMs: number;
}

export const MIN_DURATION_MS = 1_000;
export const MAX_DURATION_MS = 86_400_000;

export function totalDurationMs(items: readonly { durationMs: number }[]): number {
  // a duration being typed may not be a number yet; it counts for nothing until it is
  return items.reduce((total, item) => total + (Number.isFinite(item.durationMs) ? item.durationMs : 0), 0);
}

/** "45 s", "2 min 5 s", "1 h 30 min": how long a loop or an item lasts, to the second. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = [h ? `${h} h` : "", min ? `${min} min` : "", s || (!h && !min) ? `${s} s` : ""];
  return parts.filter(Boolean).join(" ");
}

/** Why a duration typed in seconds cannot be saved, or nothing when it can. */
export function durationProblem(seconds: number): string | undefined {
  if (!Number.isFinite(seconds)) {
    return "Type a number of seconds.";
  }
  const ms = seconds * 1000;
  return ms < MIN_DURATION_MS || ms > MAX_DURATION_MS ? "An item lasts from 1 second to 24 hours." : undefined;
}

export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  const [item] = result.splice(from, 1);
  if (item !== undefined) {
    result.splice(Math.max(0, Math.min(to, result.length)), 0, item);
  }
  return result;
}

/** Where each item starts in the loop and how much of it it takes, for a strip drawn to scale. */
export function strip(items: readonly SequenceItem[]): { key: string; startMs: number; share: number }[] {
  const total = totalDurationMs(items);
  let start = 0;
  return items.map((item) => {
    const entry = { key: item.key, startMs: start, share: total === 0 ? 0 : item.durationMs / total };
    start += item.durationMs;
    return entry;
  });
}

/** Which item plays at a moment of the loop, as the screen would show it. */
export function playingAt(items: readonly SequenceItem[], elapsedMs: number): number {
  const total = totalDurationMs(items);
  if (total === 0) {
    return -1;
  }
  let at = elapsedMs % total;
  for (let index = 0; index < items.length; index++) {
    at -= items[index]!.durationMs;
    if (at < 0) {
      return index;
    }
  }
  return items.length - 1;
}

interface Saved {
  name: string;
  items: readonly { contentId: string; durationMs: number }[];
}

/** What someone else changed in a saved playlist, against the version this editor started from, in words. */
export function changesBetween(before: Saved, after: Saved, nameOf: (contentId: string) => string): string[] {
  const changes: string[] = [];
  if (before.name !== after.name) {
    changes.push(`renamed it from "${before.name}" to "${after.name}"`);
  }
  const describe = (items: Saved["items"]) => items.map((item) => `${nameOf(item.contentId)} (${formatDuration(item.durationMs)})`).join(", ");
  if (describe(before.items) !== describe(after.items)) {
    changes.push(after.items.length === 0 ? "removed every item" : `set its items to: ${describe(after.items)}`);
  }
  return changes;
}
