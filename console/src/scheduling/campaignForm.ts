import type { components } from "../api/generated/command-service";
import { ProblemError } from "../api/problems";

export type CampaignRequest = components["schemas"]["CampaignRequest"];
type CampaignResponse = components["schemas"]["CampaignResponse"];
export type Period = components["schemas"]["PeriodRequest"];

/**
 * A campaign as the API answers it: a period only on takeovers started now (null otherwise), and
 * wholeOrganisation absent on campaigns saved before it existed.
 */
export type Campaign = Omit<CampaignResponse, "period" | "targets"> & {
  period?: Period | null;
  targets: Omit<CampaignResponse["targets"], "wholeOrganisation"> & { wholeOrganisation?: boolean | null };
};

export const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface DaypartDraft {
  key: string;
  weekdays: Weekday[];
  start: string;
  end: string;
}

/** A campaign as its form holds it: everything the API accepts, tags as typed. */
export interface CampaignDraft {
  name: string;
  playlistId: string;
  displayIds: string[];
  groupIds: string[];
  tags: string;
  wholeOrganisation: boolean;
  startDate: string;
  endDate: string;
  dayparts: DaypartDraft[];
  everyWeeks: number;
  priority: number;
  kind: "NORMAL" | "TAKEOVER";
  /** The exact start and end of a takeover started now: not edited here, only kept so saving does not drop it. */
  period: Period | null;
}

let nextKey = 0;
export function daypart(weekdays: Weekday[] = [...WEEKDAYS], start = "00:00", end = "00:00"): DaypartDraft {
  return { key: `daypart-${nextKey++}`, weekdays, start, end };
}

function isoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

/** A new campaign: all day, every day, for four weeks from today, at a middling priority. */
export function newDraft(today: Date): CampaignDraft {
  const end = new Date(today);
  end.setDate(end.getDate() + 27);
  return { name: "", playlistId: "", displayIds: [], groupIds: [], tags: "", wholeOrganisation: false, startDate: isoDate(today),
    endDate: isoDate(end), dayparts: [daypart()], everyWeeks: 1, priority: 100, kind: "NORMAL", period: null };
}

export function draftOf(campaign: Campaign): CampaignDraft {
  return {
    name: campaign.name,
    playlistId: campaign.playlistId,
    displayIds: campaign.targets.displayIds,
    groupIds: campaign.targets.groupIds,
    tags: campaign.targets.tags.join(", "),
    wholeOrganisation: campaign.targets.wholeOrganisation === true,
    startDate: campaign.startDate,
    endDate: campaign.endDate,
    dayparts: campaign.dayparts.map((each) => daypart(each.weekdays.map((day) => day.toUpperCase() as Weekday), each.start, each.end)),
    everyWeeks: campaign.recurrence.everyWeeks,
    priority: campaign.priority,
    kind: campaign.kind.toUpperCase() === "TAKEOVER" ? "TAKEOVER" : "NORMAL",
    period: campaign.period?.startsAt && campaign.period.endsAt ? { startsAt: campaign.period.startsAt, endsAt: campaign.period.endsAt } : null,
  };
}

export function requestOf(draft: CampaignDraft): CampaignRequest {
  return {
    name: draft.name,
    playlistId: draft.playlistId,
    targets: { displayIds: draft.displayIds, groupIds: draft.groupIds, tags: draft.tags.split(",").map((tag) => tag.trim()).filter(Boolean),
      wholeOrganisation: draft.wholeOrganisation },
    startDate: draft.startDate,
    endDate: draft.endDate,
    dayparts: draft.dayparts.map(({ weekdays, start, end }) => ({ weekdays, start, end })),
    recurrence: { everyWeeks: draft.everyWeeks },
    priority: draft.priority,
    kind: draft.kind,
    ...(draft.period ? { period: draft.period } : {}),
  };
}

/** A daypart in words: "Mon–Fri 07:00–10:30", "Fri, Sat 20:00–01:00 (next day)", "every day, all day". */
export function describeDaypart(part: { weekdays: readonly string[]; start: string; end: string }): string {
  const days = part.weekdays.map((day) => day.toUpperCase());
  const ordered = WEEKDAYS.filter((day) => days.includes(day));
  const short = (day: string) => day.charAt(0) + day.slice(1, 3).toLowerCase();
  const run = ordered.length > 2 && WEEKDAYS.indexOf(ordered.at(-1)!) - WEEKDAYS.indexOf(ordered[0]!) === ordered.length - 1;
  const dayWords = ordered.length === 7 ? "every day" : run ? `${short(ordered[0]!)}–${short(ordered.at(-1)!)}` : ordered.map(short).join(", ");
  const time = part.start === part.end ? "all day" : `${part.start}–${part.end}${part.end < part.start ? " (next day)" : ""}`;
  return `${dayWords}, ${time}`;
}

/**
 * The API's name for a field ("dayparts[1].start", "targets.tags[0]") mapped to the form's: a refusal
 * is shown beside the control that caused it, and what matches no control is shown for the form.
 */
export function controlOf(field: string): string {
  const daypartField = /^dayparts\[(\d+)\]\.(start|end|weekdays)/.exec(field);
  if (daypartField) {
    return `dayparts.${daypartField[1]}.${daypartField[2]}`;
  }
  if (field.startsWith("targets.tags")) {
    return "tags";
  }
  if (field.startsWith("targets.")) {
    return "targets";
  }
  if (field.startsWith("recurrence")) {
    return "everyWeeks";
  }
  return field;
}

/** The messages of a refusal by control of the form; what names no control is said for the whole form. */
export function errorsOf(error: unknown): { byControl: Map<string, string>; general: string | null } {
  if (!(error instanceof ProblemError)) {
    return { byControl: new Map(), general: error ? "The request failed; check your connection and try again." : null };
  }
  const byControl = new Map<string, string>();
  const unplaced: string[] = [];
  for (const each of error.problem.errors ?? []) {
    if (each.field) {
      byControl.set(controlOf(each.field), each.message);
    } else if (each.message) {
      unplaced.push(each.message);
    }
  }
  return { byControl, general: unplaced.length > 0 ? unplaced.join(" ") : byControl.size > 0 ? null : error.general };
}

/** What someone else changed in a saved campaign, against the version this operator started from, in words. */
export function campaignChanges(before: Campaign, after: Campaign, playlistName: (id: string) => string): string[] {
  const changes: string[] = [];
  const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  if (before.state !== after.state) {
    changes.push(`${after.state === "published" ? "published" : after.state === "ended" ? "ended" : "changed the state of"} it`);
  }
  if (before.name !== after.name) {
    changes.push(`renamed it "${after.name}"`);
  }
  if (before.playlistId !== after.playlistId) {
    changes.push(`chose the playlist ${playlistName(after.playlistId)}`);
  }
  if (differs(before.targets, after.targets)) {
    changes.push("changed its targets");
  }
  if (before.startDate !== after.startDate || before.endDate !== after.endDate) {
    changes.push(`set its dates to ${after.startDate} – ${after.endDate}`);
  }
  if (differs(before.dayparts, after.dayparts) || differs(before.recurrence, after.recurrence)) {
    changes.push(`set its times to ${after.dayparts.map(describeDaypart).join("; ")}${after.recurrence.everyWeeks > 1 ? `, every ${after.recurrence.everyWeeks} weeks` : ""}`);
  }
  if (before.priority !== after.priority || before.kind !== after.kind) {
    changes.push(`set its priority to ${after.priority}${after.kind.toUpperCase() === "TAKEOVER" ? " as a takeover" : ""}`);
  }
  return changes;
}
