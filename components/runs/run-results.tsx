"use client";

import Link from "next/link";
import { useEffect, useId, useMemo, useState } from "react";
import { ExportLinks } from "@/components/results-table/export-buttons";
import { ResultsFilter } from "@/components/results-table/results-filter";
import { ResultsPager, resultsPageCount } from "@/components/results-table/results-pager";
import { ResultsSummary, StatusLegend } from "@/components/results-table/results-summary";
import { RESULTS_PAGE_SIZE, ResultsTable } from "@/components/results-table/results-table";
import { Button, buttonVariants } from "@/components/ui/button";
import type { RowResult } from "@/lib/humanos/results";
import { ALL_RESULTS, countsAsListed, rowsMatching } from "@/lib/runs/run-counts";
import { isLiveState, isWaitingState, type RowFilter, type RunProgress } from "@/lib/runs/run-types";
import { editableFailures, leftToResumeNote } from "./edit-failed-text";
import { exportHint } from "./export-hint";
import { formatCount, runPaths } from "./format";
import { useRunRows } from "./use-run-rows";

export type EditFailed =
  /** Loads the failed rows into the grid on this screen. */
  | { kind: "button"; onClick: () => void; isLoading?: boolean }
  /** Opens the onboarding screen with the failed rows loaded. */
  | { kind: "link"; href: string };

/** One empty list, so the memoised table rows are not drawn again while no page has arrived. */
const NO_ROWS: RowResult[] = [];

/** How often the shown page of a live run's results is read again. */
const LIVE_ROWS_REFRESH_MS = 2000;

/**
 * A run's results, read from the server a page at a time and again whenever the run has new answers:
 * summary, filter, Edit failed rows, exports, legend, the table and its pages.
 */
export function RunResults({ progress, editFailed }: { progress: RunProgress; editFailed?: EditFailed }) {
  const [filter, setFilter] = useState<RowFilter>(ALL_RESULTS);
  const [page, setPage] = useState(0);
  const isLive = isLiveState(progress.state);
  // Rows without an answer wait for one (a live run, or a draft whose rows are still being
  // uploaded): they are not listed, and nothing needs the operator yet.
  const waiting = isWaitingState(progress.state);
  const rows = useRunRows(progress.id, {
    filter,
    offset: page * RESULTS_PAGE_SIZE,
    limit: RESULTS_PAGE_SIZE,
    // A live run's page is read again at most every 2 s (the counts above move every second): each
    // read competes with the sending for the database.
    version: isLive
      ? `live|${Math.floor(Date.parse(progress.readAt) / LIVE_ROWS_REFRESH_MS)}`
      : `${progress.doneRows}|${progress.state}`,
    live: isLive,
    settled: !isLive && progress.resumableRows === 0,
  });
  const counts = useMemo(() => countsAsListed(progress), [progress]);
  // The progress is read more often than the page (which may be kept while final): its counts are
  // the ones the server would give.
  const matching = rowsMatching(progress, filter);
  // Rows Resume would send are left out of Edit failed rows (they may already have been created).
  const editable = editableFailures(progress);
  const resumeNote = editFailed ? leftToResumeNote(progress) : null;
  const resumeNoteId = useId();
  const editDescribedBy = resumeNote ? resumeNoteId : undefined;
  const hint = exportHint(progress);
  const hintId = useId();
  const currentPage = Math.min(page, resultsPageCount(matching) - 1);
  // Fewer rows match than when the page was chosen (a Resume sent some "not sent" rows): read the
  // last page there is, not an empty one past it.
  useEffect(() => {
    if (currentPage < page) setPage(currentPage);
  }, [currentPage, page]);

  return (
    <section aria-labelledby="results-heading" className="flex flex-col gap-3">
      <h2 id="results-heading" className="text-lg font-semibold">
        Results
      </h2>
      <ResultsSummary counts={counts} total={progress.totalRows} isLive={waiting} />
      <div className="flex flex-wrap items-center gap-3">
        <ResultsFilter
          value={filter}
          onChange={(next) => {
            setFilter(next);
            setPage(0);
          }}
          counts={counts}
          total={rowsMatching(progress, ALL_RESULTS)}
        />
        {editFailed && !waiting && editable > 0 ? (
          editFailed.kind === "button" ? (
            <Button
              size="sm"
              onClick={editFailed.onClick}
              disabled={editFailed.isLoading}
              aria-describedby={editDescribedBy}
            >
              Edit failed rows ({formatCount(editable)})
            </Button>
          ) : (
            <Link
              href={editFailed.href}
              className={buttonVariants({ size: "sm" })}
              aria-describedby={editDescribedBy}
            >
              Edit failed rows ({formatCount(editable)})
            </Link>
          )
        ) : null}
        <ExportLinks
          href={(format) => runPaths.export(progress.id, format, filter)}
          describedBy={hint ? hintId : undefined}
        />
        <StatusLegend />
      </div>
      {resumeNote ? (
        <p
          id={resumeNoteId}
          data-testid="left-to-resume"
          className="text-sm text-slate-700 dark:text-slate-300"
        >
          {resumeNote}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} data-testid="export-hint" className="text-sm text-slate-700 dark:text-slate-300">
          {hint}
        </p>
      ) : null}
      {rows.error ? (
        <p
          role="alert"
          className="flex flex-wrap items-center gap-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
        >
          The results could not be read ({rows.error}).
          <Button variant="secondary" size="sm" onClick={rows.retry}>
            Try again
          </Button>
        </p>
      ) : null}
      <ResultsTable
        rows={rows.page?.rows ?? NO_ROWS}
        matching={matching}
        firstOnPage={rows.page?.offset ?? currentPage * RESULTS_PAGE_SIZE}
        busy={waiting || !rows.isCurrent}
        emptyText={
          rows.page === null
            ? "Reading the results…"
            : waiting
              ? "No answers with this status yet."
              : "No rows with this status."
        }
      />
      <ResultsPager page={currentPage} matching={matching} onPageChange={setPage} />
    </section>
  );
}
