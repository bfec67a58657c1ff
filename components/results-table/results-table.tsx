"use client";

import { useTable } from "@tanstack/react-table";
import { memo } from "react";
import { cn } from "@/lib/cn";
import type { RowResult } from "@/lib/humanos/results";
import { describeStatus, statusKey } from "@/lib/humanos/statuses";
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

/** One page of results: a row per answer, highlighted by status (colour, icon and text). */
export function ResultsTable({ rows, matching, firstOnPage, busy, emptyText }: ResultsTableProps) {
  return (
    // Positioned, so that it also clips the cells' screen-reader-only text (absolute, e.g. each
    // copy-DID button's live region): else that text widens the whole page in a narrow window.
    <div className="relative overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
      <table
        aria-label="Results"
        aria-rowcount={matching + 1}
        aria-busy={busy}
        className="w-full border-collapse text-sm"
      >
        <ResultsRows rows={rows} firstOnPage={firstOnPage} />
      </table>
      {rows.length === 0 ? (
        <p className="p-3 text-sm text-slate-600 dark:text-slate-400">{emptyText}</p>
      ) : null}
    </div>
  );
}

/**
 * The header and the page's rows, drawn again only when the page itself changes: a live run's
 * progress (every second) moves the counts and aria-rowcount, and redrawing 500 rows of badges and
 * icons each time kept the browser busy for seconds on the cores the server sends with.
 */
const ResultsRows = memo(function ResultsRows({
  rows,
  firstOnPage,
}: Pick<ResultsTableProps, "rows" | "firstOnPage">) {
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
        {table.getRowModel().rows.map((row, position) => {
          const tone = describeStatus(row.original.status).tone;
          return (
            <tr
              key={row.original.rowIndex}
              data-status={statusKey(row.original.status)}
              aria-rowindex={firstOnPage + position + 2}
              className={cn(
                "border-t border-slate-200 align-top dark:border-slate-700",
                TONE_STYLES[tone].row,
              )}
            >
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2">
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </>
  );
});
