import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { ProblemError } from "../api/problems";

export function Loading({ what }: { what: string }) {
  return <p className="muted" role="status">Loading {what}…</p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="card muted">{children}</div>;
}

/** A failed read, said plainly on the page it concerns; the rest of the console keeps working. */
export function Failed({ error, retry }: { error: unknown; retry?: () => void }) {
  const message = error instanceof ProblemError ? error.general : "Something went wrong while loading this page.";
  return (
    <div className="alert" role="alert">
      <p>{message}</p>
      {retry && <button className="button secondary" onClick={retry}>Try again</button>}
    </div>
  );
}

/** The general part of a refusal, when no field carries it. */
export function FormProblem({ error }: { error: unknown }) {
  if (!error) {
    return null;
  }
  const message = error instanceof ProblemError ? error.general : "The request failed; check your connection and try again.";
  return <p className="alert" role="alert">{message}</p>;
}

/** A page's one object: loading, its failure said plainly, or the page drawn from it. */
export function Loaded<T>({ query, what, children }: { query: UseQueryResult<T>; what: string; children(data: T): ReactNode }) {
  if (query.isPending) {
    return <Loading what={what} />;
  }
  if (query.isError) {
    return <Failed error={query.error} retry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
