/**
 * How many rows a run's results list, per status and per filter, from its counters. Pure and shared:
 * the server pages with it (getRunRows) and the results screen labels its filter and pages with it.
 */
import { describeStatus, NOT_SENT, statusKey } from "@/lib/humanos/statuses";
import { isWaitingState, type RowFilter, type RunSummary, type StatusCount } from "./run-types";

export const ALL_RESULTS: RowFilter = "all";
export const FAILED_RESULTS: RowFilter = "failed";

type Counted = Pick<RunSummary, "state" | "totalRows" | "doneRows" | "counts">;

/**
 * The counts as the table lists rows: a stopped run lists its rows without an outcome too, as "not
 * sent" (a live run lists only rows with an answer, so its counts are already right).
 */
export function countsAsListed(summary: Counted): StatusCount[] {
  const unanswered = isWaitingState(summary.state) ? 0 : summary.totalRows - summary.doneRows;
  if (unanswered <= 0) return summary.counts;
  const notSent = summary.counts.find((entry) => statusKey(entry.status) === NOT_SENT);
  return notSent
    ? summary.counts.map((entry) =>
        entry === notSent ? { ...entry, count: entry.count + unanswered } : entry,
      )
    : [...summary.counts, { status: NOT_SENT, count: unanswered }];
}

/** Rows that need the operator: every status that is not a success (not sent included). */
export function countFailures(counts: readonly StatusCount[]): number {
  return counts.reduce((sum, entry) => sum + (describeStatus(entry.status).isSuccess ? 0 : entry.count), 0);
}

/** How many rows a filter selects: every listed row, every failure, or one status. */
export function rowsMatching(summary: Counted, filter: RowFilter): number {
  const counts = countsAsListed(summary);
  if (filter === ALL_RESULTS) return counts.reduce((sum, entry) => sum + entry.count, 0);
  if (filter === FAILED_RESULTS) return countFailures(counts);
  return counts.find((entry) => statusKey(entry.status) === filter)?.count ?? 0;
}
