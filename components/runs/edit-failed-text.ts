import { countOf } from "@/lib/format-count";
import { countFailures, countsAsListed } from "@/lib/runs/run-counts";
import { isWaitingState, type RunSummary } from "@/lib/runs/run-types";

type EditableRun = Pick<RunSummary, "state" | "totalRows" | "doneRows" | "counts" | "resumableRows">;

/** Rows Resume would send (no answer recorded); none while the run's rows still wait for one. */
function rowsLeftToResume(run: EditableRun): number {
  return isWaitingState(run.state) ? 0 : run.resumableRows;
}

/**
 * How many rows Edit failed rows loads (getFailedRows): the failures, less the rows Resume would
 * send, which have no answer recorded, may already have been created, and are Resume's alone. Pure.
 */
export function editableFailures(run: EditableRun): number {
  return Math.max(0, countFailures(countsAsListed(run)) - rowsLeftToResume(run));
}

/**
 * What the results say beside Edit failed rows while Resume has rows to send: how many rows it
 * leaves out, and why that is safe. null when Resume has nothing to send. Pure.
 */
export function leftToResumeNote(run: EditableRun): string | null {
  const rows = rowsLeftToResume(run);
  if (rows === 0) return null;
  if (rows === 1) {
    return "1 row has no answer from Humanos yet (not sent, or sent with no answer recorded: it may already have been created), so Edit failed rows leaves it out. Resume sends it safely, under its original Idempotency-Key; if it then fails, it can be edited.";
  }
  return `${countOf(rows, "row")} ${rows === 1 ? "has" : "have"} no answer from Humanos yet (not sent, or sent with no answer recorded: they may already have been created), so Edit failed rows leaves them out. Resume sends them safely, under their original Idempotency-Keys; those that then fail can be edited.`;
}
