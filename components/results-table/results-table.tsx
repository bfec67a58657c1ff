"use client";

import { FlexRender, type Row, useTable } from "@tanstack/react-table";
import { memo, useEffect, useState } from "react";
import { cn } from "@/lib/cn";
import type { RowResult } from "@/lib/humanos/results";
import { describeStatus, statusKey } from "@/lib/humanos/statuses";
import { CopyStatusRegion } from "./copy-did-button";
import { getResultsColumns, resultsFeatures } from "./results-columns";
import { TONE_STYLES } from "./status-badge";

const columns = getResultsColumns();
/** Rows drawn per page: a 100,000-row import must not put 100,000 <tr> in the page at once. */
export const RESULTS_PAGE_SIZE = 500;

interface ResultsTableProps {
  /** The rows of the page shown. */
  rows: RowResult[];
  /** Rows matching the filter across every page (for aria-rowcount). */
  matching: number;
  /** Position of the page's first row among the matching rows (0-based). */
  firstOnPage: number;
  /** True while the rows may still change (the run is live, or a newer page is on its way). */
  busy: boolean;
  emptyText: string;
}

/**
 * Rows drawn in one task: a page of 500 rows drawn at once was a 0.2–0.4 s task (measured with 2,000
 * rows sent to the sandbox), during which the page could not answer a click or a key.
 */
export const RESULTS_ROWS_PER_TASK = 50;

/**
 * How many of a page's `total` rows to draw now: the first RESULTS_ROWS_PER_TASK at once, then as
 * many more per task until all are drawn. Starts again from the first ones when `pageKey` changes
 * (another page or filter); rows added to the same page (a live run's answers) are drawn the same way.
 */
function useRowsDrawn(total: number, pageKey: string): number {
  const [drawn, setDrawn] = useState({ pageKey, count: RESULTS_ROWS_PER_TASK });
  const count = drawn.pageKey === pageKey ? drawn.count : RESULTS_ROWS_PER_TASK;
  useEffect(() => {
    if (count >= total) return;
    const next = setTimeout(() => setDrawn({ pageKey, count: count + RESULTS_ROWS_PER_TASK }), 0);
    return () => clearTimeout(next);
  }, [count, total, pageKey]);
  return Math.min(count, total);
}

/** One page of results: a row per answer, highlighted by status (colour, icon and text). */
export function ResultsTable({ rows, matching, firstOnPage, busy, emptyText }: ResultsTableProps) {
  const drawn = useRowsDrawn(rows.length, `${firstOnPage}:${rows[0]?.rowIndex ?? ""}`);
  return (
    <CopyStatusRegion>
      {/* Positioned, so that it also clips the cells' screen-reader-only text (absolute, e.g. a row
      without a DID says "none"): else that text widens the whole page in a narrow window. */}
      <div className="relative overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
        <table
          aria-label="Results"
          aria-rowcount={matching + 1}
          aria-busy={busy || drawn < rows.length}
          className="w-full border-collapse text-sm"
        >
          <ResultsRows rows={rows} drawn={drawn} firstOnPage={firstOnPage} />
        </table>
        {rows.length === 0 ? (
          <p className="p-3 text-sm text-slate-600 dark:text-slate-400">{emptyText}</p>
        ) : null}
      </div>
    </CopyStatusRegion>
  );
}

/**
 * The header and the page's first `drawn` rows, drawn again only when the page itself changes: a live
 * run's progress (every second) moves the counts and aria-rowcount, and redrawing 500 rows of badges
 * and icons each time kept the browser busy for seconds on the cores the server sends with. When the
 * page is read again, only the rows whose answer changed are drawn again (ResultRow).
 */
const ResultsRows = memo(function ResultsRows({
  rows,
  drawn,
  firstOnPage,
}: Pick<ResultsTableProps, "rows" | "firstOnPage"> & { drawn: number }) {
  const table = useTable({ features: resultsFeatures, columns, data: rows });
  return (
    <>
      <thead className="bg-slate-100 text-left dark:bg-slate-800">
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id} aria-rowindex={1}>
            {group.headers.map((header) => (
              <th key={header.id} scope="col" className="px-3 py-2 font-semibold">
                <table.FlexRender header={header} />
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table
          .getRowModel()
          .rows.slice(0, drawn)
          .map((row, position) => (
            <ResultRow key={row.original.rowIndex} row={row} ariaRowIndex={firstOnPage + position + 2} />
          ))}
      </tbody>
    </>
  );
});

interface ResultRowProps {
  row: Row<typeof resultsFeatures, RowResult>;
  ariaRowIndex: number;
}

/** One result row; drawn again only when its place or its answer changes (see sameAnswer). */
const ResultRow = memo(
  function ResultRow({ row, ariaRowIndex }: ResultRowProps) {
    const tone = describeStatus(row.original.status).tone;
    return (
      <tr
        data-status={statusKey(row.original.status)}
        aria-rowindex={ariaRowIndex}
        className={cn("border-t border-slate-200 align-top dark:border-slate-700", TONE_STYLES[tone].row)}
      >
        {row.getAllCells().map((cell) => (
          <td key={cell.id} className="px-3 py-2">
            <FlexRender cell={cell} />
          </td>
        ))}
      </tr>
    );
  },
  (before, after) =>
    before.ariaRowIndex === after.ariaRowIndex && sameAnswer(before.row.original, after.row.original),
);

/** Whether two reads of a row show the same thing (every field a cell draws). */
export function sameAnswer(a: RowResult, b: RowResult): boolean {
  return (
    a.rowIndex === b.rowIndex &&
    a.contact === b.contact &&
    a.internalId === b.internalId &&
    a.status === b.status &&
    a.message === b.message &&
    a.did === b.did
  );
}
