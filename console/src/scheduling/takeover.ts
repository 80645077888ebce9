import type { Campaign } from "./campaignForm";

/** The durations offered at a click, in minutes; any other is typed. */
export const DURATION_PRESETS = [15, 30, 60, 120, 240] as const;

/** The longest takeover the API accepts (a week), in minutes. */
export const MOST_MINUTES = 7 * 24 * 60;

/** A number of minutes in words: "15 minutes", "1 hour", "4 hours", "90 minutes". */
export function minutesInWords(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) {
    const hours = minutes / 60;
    return `${hours} ${hours === 1 ? "hour" : "hours"}`;
  }
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

/** The minutes typed for a custom duration, or the refusal to show beside the field: a whole number the API accepts. */
export function customMinutes(typed: string): { minutes: number } | { problem: string } {
  const minutes = Number(typed.trim());
  if (typed.trim() === "" || !Number.isInteger(minutes) || minutes < 1 || minutes > MOST_MINUTES) {
    return { problem: `Enter a whole number of minutes from 1 to ${MOST_MINUTES}.` };
  }
  return { minutes };
}

/** A moment as the operator's clock says it, with the day when it is not today: "14:30", "Sat 6 Dec, 09:00". */
export function localTime(instant: string, now = new Date()): string {
  const at = new Date(instant);
  const time = at.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  return at.toDateString() === now.toDateString() ? time
    : `${at.toLocaleDateString(undefined, { weekday: "short", day: "numeric", month: "short" })}, ${time}`;
}

/** When a takeover with a period stops by itself; null for every other campaign (and for older ones without a period). */
export function takeoverEnd(campaign: Pick<Campaign, "kind" | "period">): string | null {
  return campaign.kind.toUpperCase() === "TAKEOVER" && campaign.period?.endsAt ? campaign.period.endsAt : null;
}

/** Whether a campaign's targets are every display of the organisation (absent on campaigns saved before it existed). */
export function targetsWholeOrganisation(campaign: Pick<Campaign, "targets">): boolean {
  return campaign.targets.wholeOrganisation === true;
}
