import { useQuery } from "@tanstack/react-query";
import { commands, dataOf, reads } from "../api/clients";
import type { components as Commands } from "../api/generated/command-service";
import type { components as Reads } from "../api/generated/projector";

export type CommandName = Commands["schemas"]["CommandRequest"]["command"];
export type DisplayCommand = Reads["schemas"]["DisplayCommand"];
export type Issued = Commands["schemas"]["Issued"];

const names: Record<string, string> = { identify: "Identify", reload: "Reload", screenshot: "Screenshot", clear_cache: "Clear cache", restart: "Restart" };

/** A command's name as its button says it ("clear_cache" and "CLEAR_CACHE" are "Clear cache"). */
export function commandInWords(command: string): string {
  return names[command.toLowerCase()] ?? command;
}

const states: Record<string, string> = {
  sent: "Waiting for the screen",
  delivered: "Running on the screen",
  done: "Done",
  failed: "Failed",
  refused: "Refused by the screen",
  expired: "Expired: the screen did not pick it up in time",
};

/** Where a command is, in words an operator reads at a glance. */
export function stateInWords(state: string): string {
  return states[state] ?? state;
}

/** Sent or delivered and not expired: the screen may still say how it ended. */
export function isOpen(command: DisplayCommand, now: number = Date.now()): boolean {
  return (command.state === "sent" || command.state === "delivered") && Date.parse(command.expiresAt) > now;
}

/** A command just sent, as the display's list will show it until the projector has it: waiting for the screen. */
export function sentCommand(issued: Issued, displayId: string): DisplayCommand {
  const unknown = null as unknown as string;
  return { commandId: issued.commandId, displayId, command: issued.command.toLowerCase(), state: "sent", issuedAt: issued.issuedAt,
    expiresAt: issued.expiresAt, deliveredAt: unknown, finishedAt: unknown, detail: unknown, screenshotId: unknown };
}

/** The projector's list with the commands sent from here that it does not list yet, newest first. */
export function withSent(listed: readonly DisplayCommand[], sent: readonly DisplayCommand[]): DisplayCommand[] {
  const known = new Set(listed.map((command) => command.commandId));
  return [...sent.filter((command) => !known.has(command.commandId)), ...listed]
    .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
}

/** The display's recent commands (projector), read again every 2 s while one is open or one sent from here is not listed yet. */
export function useDisplayCommands(displayId: string, sent: readonly DisplayCommand[]) {
  const query = useQuery({
    queryKey: ["display-commands", displayId],
    queryFn: () => dataOf(reads.GET("/api/v1/displays/{displayId}/commands", { params: { path: { displayId } } })),
    refetchInterval: (current) => withSent(current.state.data ?? [], sent).some((command) => isOpen(command)) ? 2_000 : false,
  });
  return { ...query, all: query.data ? withSent(query.data, sent) : undefined };
}

/** The display's screenshots (command service), newest first, each with a short-lived link to the image. */
export function useScreenshots(displayId: string) {
  return useQuery({
    queryKey: ["screenshots", displayId],
    queryFn: () => dataOf(commands.GET("/api/v1/displays/{displayId}/screenshots", { params: { path: { displayId }, query: { limit: 1 } } })),
  });
}
