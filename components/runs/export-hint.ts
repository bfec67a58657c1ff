import { isInProgress } from "@/lib/export/results-export";
import type { RunSummary } from "@/lib/runs/run-types";

/**
 * What the run screens say beside Export while the run is still going on: a file taken now holds the
 * answers so far, not every row (the file says so too, in its first line). null once the run has
 * stopped and its upload is complete: an export is then the whole run. Pure.
 */
export function exportHint(run: Pick<RunSummary, "state" | "uploadComplete">): string | null {
  if (!isInProgress(run)) return null;
  const going = run.state === "draft" ? "has not started sending yet" : "is still going on";
  return `This run ${going}: a file exported now holds the answers so far, not every row, and says so in its first line.`;
}
