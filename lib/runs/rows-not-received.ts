/**
 * Rows the browser said it would send that never reached the server (an upload cut short), counted
 * the same way by the run screens (components/runs/not-received-text.ts) and the exported files
 * (lib/export/results-export.ts). Pure.
 */
import { formatCount } from "@/lib/format-count";
import type { RunSummary } from "./run-types";

export type RunUpload = Pick<RunSummary, "totalRows" | "rowsNotReceived" | "lastRowReceived">;

/** Rows the operator gave the run: those it holds and those that never reached the server. */
export function rowsGiven(run: RunUpload): number {
  return run.totalRows + run.rowsNotReceived;
}

/** "26,900 of 30,000 rows never reached the server", or null when every row did. */
export function notReceivedSummary(run: RunUpload): string | null {
  if (run.rowsNotReceived <= 0) return null;
  const rows = rowsGiven(run) === 1 ? "row" : "rows";
  return `${formatCount(run.rowsNotReceived)} of ${formatCount(rowsGiven(run))} ${rows} never reached the server`;
}
