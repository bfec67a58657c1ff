import { notReceivedSummary, type RunUpload, rowsGiven } from "@/lib/runs/rows-not-received";
import type { RunState, RunSummary } from "@/lib/runs/run-types";
import { formatCount } from "./format";

/**
 * What the run screens say of an upload cut short: rows the browser said it would send that never
 * reached the server (the tab closed or reloaded while "Saving rows…", or the upload failed). They
 * are in no count of the run, and nothing else would tell the operator they were never sent. Pure.
 */
type Upload = RunUpload;

export { notReceivedSummary, rowsGiven };

/**
 * The whole sentence beside a run's progress: how many rows never arrived, that they were not sent,
 * and what to do; null when every row arrived.
 */
export function notReceivedSentence(run: Upload): string | null {
  const summary = notReceivedSummary(run);
  if (!summary) return null;
  const notSent =
    run.rowsNotReceived === 1
      ? "It was not sent: this run's counts and results leave it out."
      : "They were not sent: this run's counts and results leave them out.";
  if (run.lastRowReceived <= 0) {
    return `${summary}: the upload stopped before the first row was saved. ${notSent} Paste or load the rows again and press Create subjects to send them.`;
  }
  const after = formatCount(run.lastRowReceived);
  return `${summary}: the upload stopped after row ${after}. ${notSent} Paste or load the rows after row ${after} again and press Create subjects to send them.`;
}

/**
 * The state a run shows: its stored state, except that a run which finished with rows that never
 * reached the server is not plainly "completed" (it sent all it had, not all it was given), and a
 * draft whose upload has ended (the browser closed it before starting the run) is not still
 * receiving its rows. The stored states stay: nothing more will happen to either run by itself.
 */
export type ShownRunState = RunState | "completed-upload-cut-short" | "draft-upload-stopped";

export function shownRunState(
  run: Pick<RunSummary, "state" | "rowsNotReceived" | "uploadComplete">,
): ShownRunState {
  if (run.state === "completed" && run.rowsNotReceived > 0) return "completed-upload-cut-short";
  if (run.state === "draft" && run.uploadComplete) return "draft-upload-stopped";
  return run.state;
}
