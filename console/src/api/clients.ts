import createClient from "openapi-fetch";
import type { paths as CommandPaths } from "./generated/command-service";
import type { paths as ProjectorPaths } from "./generated/projector";
import { authorizedFetch } from "./session";
import { toProblem } from "./problems";

/** The operator API (command service) and the read models (projector), both behind the edge's one origin. */
const baseUrl = globalThis.location.origin;
export const commands = createClient<CommandPaths>({ baseUrl, fetch: authorizedFetch });
export const reads = createClient<ProjectorPaths>({ baseUrl, fetch: authorizedFetch });

/** The data of an openapi-fetch answer, or its problem thrown: what React Query's functions want. */
export async function dataOf<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    throw toProblem(error, response);
  }
  return data as T;
}
