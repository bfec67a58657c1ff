/**
 * What the browser sees of a run: plain JSON-safe data (dates as ISO strings), shared by the server
 * actions, the /api/runs routes and the screens. No secrets: the API target is a label.
 */

import type { RunState } from "@/lib/db/schema";
import type { RowResult } from "@/lib/humanos/results";
import type { SubjectInput } from "@/lib/humanos/schemas";
import type { RowStatus } from "@/lib/humanos/statuses";

export type { RunState };

/** A row the browser submits: its position in the operator's input and the subject it built. */
export interface SubmissionRow {
  rowIndex: number;
  subject: SubjectInput;
}

export interface StatusCount {
  status: RowStatus;
  count: number;
}

export interface RunSummary {
  id: string;
  createdAt: string;
  createdBy: string;
  source: string;
  apiTarget: string;
  parentRunId: string | null;
  state: RunState;
  /** Rows the run holds (while its upload goes on: the rows the browser said it would send). */
  totalRows: number;
  /**
   * Rows the browser said it would send that never reached the server, because the upload was cut
   * short (the tab closed or reloaded, or the browser's upload failed). Not in totalRows, never sent.
   */
  rowsNotReceived: number;
  /** The row number (1-based, as the grid numbers them) of the last row stored; 0 when none was. */
  lastRowReceived: number;
  /** No more rows will arrive from the browser (false while its upload goes on). */
  uploadComplete: boolean;
  startedAt: string | null;
  /** When the run was last resumed; null when it never was. */
  resumedAt: string | null;
  /** Rows that had an outcome when the run was last resumed (0 when it never was). */
  rowsDoneAtResume: number;
  finishedAt: string | null;
  /** Rows with an outcome, per status (a row not sent counts under "not-sent"). */
  counts: StatusCount[];
  /** Rows with an outcome (sum of counts). */
  doneRows: number;
  /** Rows whose request has no recorded answer (never sent, cancelled, no answer, refused whole): Resume sends them. */
  resumableRows: number;
  /** Rows of requests never sent because the run was cancelled: in doneRows as "not sent", and resumable. */
  cancelledRows: number;
}

/**
 * Rows the run has dealt with: answered by Humanos, or refused before sending. A cancelled run's
 * requests that were never sent are recorded as "not sent" but are still waiting (Resume sends them),
 * so they do not count: a cancelled run shows how far it got, not a full bar.
 */
export function processedRows(summary: Pick<RunSummary, "doneRows" | "cancelledRows">): number {
  return Math.max(0, summary.doneRows - summary.cancelledRows);
}

export interface RunProgress extends RunSummary {
  /**
   * Rows per second over the run's current sending (since it was last resumed, else since it
   * started); null before there is anything to measure.
   */
  rowsPerSecond: number | null;
  /** Seconds left at the current rate; null when unknown or finished. */
  etaSeconds: number | null;
  /** Server clock when this was read, so the browser can show "updated …" without trusting its own. */
  readAt: string;
}

/** Which rows a results page shows: every row, one status key ("200", "not-sent"), or every failure. */
export type RowFilter = "all" | "failed" | string;

export interface RunRowsPage {
  rows: RowResult[];
  /** Rows matching the filter (not only this page). */
  total: number;
  offset: number;
  limit: number;
  /**
   * The run is live, yet no later answer can change this page: it is full, and every row up to its
   * last one has its outcome. The screen need not read it again until the run stops.
   */
  final: boolean;
}

/** A failed or unsent row to load back into the grid, with the answer it got. */
export interface FailedRow {
  rowIndex: number;
  /** The subject as it was sent (or, for a row refused by validation, as it was given). */
  subject: Record<string, unknown>;
  status: RowStatus;
  message: string;
}

/** A run is live while rows may still get an outcome without the operator doing anything. */
export function isLiveState(state: RunState): boolean {
  return state === "running" || state === "cancelling";
}

/**
 * A run's rows without an outcome are waiting for one (not rows it stopped without one): it is
 * sending, or has not started yet (a draft: its rows are still being uploaded, nothing was sent).
 */
export function isWaitingState(state: RunState): boolean {
  return isLiveState(state) || state === "draft";
}

/**
 * Rate and time left, from the rows processed during the run's current sending: since it was last
 * resumed (not counting the rows done before, nor the time it stood stopped), else since it started.
 * Rows a cancel left unsent are not processed (see processedRows). Pure.
 */
export function progressOf(summary: RunSummary, now: Date): RunProgress {
  const sendingSince = summary.resumedAt ?? summary.startedAt;
  const sinceMs = sendingSince ? Date.parse(sendingSince) : Number.NaN;
  const endMs = summary.finishedAt ? Date.parse(summary.finishedAt) : now.getTime();
  const elapsedSeconds = (endMs - sinceMs) / 1000;
  const rowsThisSending = processedRows(summary) - (summary.resumedAt ? summary.rowsDoneAtResume : 0);
  const rowsPerSecond =
    Number.isFinite(elapsedSeconds) && elapsedSeconds > 0.2 && rowsThisSending > 0
      ? rowsThisSending / elapsedSeconds
      : null;
  const left = Math.max(0, summary.totalRows - summary.doneRows);
  const etaSeconds = isLiveState(summary.state) && rowsPerSecond ? Math.ceil(left / rowsPerSecond) : null;
  return { ...summary, rowsPerSecond, etaSeconds, readAt: now.toISOString() };
}
