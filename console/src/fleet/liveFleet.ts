import { createParser } from "eventsource-parser";
import type { QueryClient } from "@tanstack/react-query";
import { authorizedFetch } from "../api/session";
import type { FleetEntry } from "./fleet";

export type LiveState = "connecting" | "live" | "reconnecting";

const order = (a: FleetEntry, b: FleetEntry) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.displayId.localeCompare(b.displayId);

/** The fleet with the changed displays' entries in place of their old ones (new ones added), in the fleet view's order. */
export function mergeFleet(current: readonly FleetEntry[] | undefined, changed: readonly FleetEntry[]): FleetEntry[] | undefined {
  if (!current) {
    return undefined;
  }
  const byId = new Map(current.map((entry) => [entry.displayId, entry]));
  changed.forEach((entry) => byId.set(entry.displayId, entry));
  return [...byId.values()].sort(order);
}

/** Waits before the next attempt: 1 s doubling to 30 s, so a service that is down is not hammered. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
}

/**
 * Follows the projector's live fleet stream (server-sent events, read with fetch so that the access
 * token goes in a header): on `ready` the whole fleet is read once, so no change is missed; each
 * `displays` event replaces those entries in the cached fleet. The stream ends when the token
 * expires and is opened again with a fresh one; a failure retries with backoff, and says so.
 */
export async function followFleet(queries: QueryClient, onState: (state: LiveState) => void, signal: AbortSignal): Promise<void> {
  let attempt = 0;
  while (!signal.aborted) {
    try {
      const response = await authorizedFetch(new Request("/api/v1/fleet/changes", { headers: { Accept: "text/event-stream" }, signal }));
      if (!response.ok || !response.body) {
        throw new Error(`the live fleet answered ${response.status}`);
      }
      const parser = createParser({
        onEvent(message) {
          if (message.event === "ready") {
            attempt = 0;
            onState("live");
            void queries.invalidateQueries({ queryKey: ["fleet"] });
          } else if (message.event === "displays") {
            const changed = JSON.parse(message.data) as FleetEntry[];
            queries.setQueryData<FleetEntry[]>(["fleet"], (current) => mergeFleet(current, changed));
          }
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        parser.feed(chunk.value);
      }
    } catch {
      if (signal.aborted) {
        return;
      }
      onState("reconnecting");
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt++)));
    }
  }
}
