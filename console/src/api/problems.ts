/** A refusal as every Vizora service writes it (RFC 9457 problem details), with the fields it names. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: { field: string; message: string }[];
  [member: string]: unknown;
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }

  /** The message for one field, as the API named it ("email", "items[0].durationMs"). */
  forField(field: string): string | undefined {
    return this.problem.errors?.find((error) => error.field === field)?.message;
  }

  /** Whether every error the problem lists names one of these fields, so a form showing them beside those fields has said it all. */
  allAt(fields: readonly string[]): boolean {
    const errors = this.problem.errors ?? [];
    return errors.length > 0 && errors.every((error) => error.field !== undefined && fields.includes(error.field));
  }

  /** What is left to say once the fields' messages are shown beside their fields. */
  get general(): string {
    return this.problem.detail ?? this.problem.title;
  }
}

/** Reads a failed response: a problem detail when the service wrote one, otherwise a plain one from the status. */
export async function problemOf(response: Response): Promise<ProblemError> {
  let body: unknown = null;
  if ((response.headers.get("Content-Type") ?? "").includes("json")) {
    body = await response.json().catch(() => null);
  }
  return toProblem(body, response);
}

/** A failed answer whose body was read already (openapi-fetch reads it into `error`). */
export function toProblem(body: unknown, response: Response): ProblemError {
  if (body && typeof body === "object" && "title" in body) {
    const problem = body as Partial<Problem>;
    return new ProblemError({ ...problem, status: problem.status ?? response.status, title: problem.title ?? response.statusText });
  }
  return new ProblemError({
    status: response.status,
    title: response.status >= 500 ? "The service is not available" : response.statusText || "Request failed",
    detail: response.status >= 500 ? "This part of Vizora does not answer right now; the rest keeps working. Try again in a moment." : undefined,
  });
}
