import type { Problem } from "../api/client";

/** A refusal the page cannot attach to a field: the API's own words, announced. */
export function ProblemBanner({ problem, id }: { problem: Problem | null; id?: string }) {
  if (!problem) {
    return null;
  }
  return (
    <div className="notice error" role="alert" id={id}>
      <strong>{problem.title}</strong>
      {problem.detail && <span> — {problem.detail}</span>}
    </div>
  );
}
