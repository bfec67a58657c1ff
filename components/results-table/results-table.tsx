"use client";

import { useTable } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import type { RowResult } from "@/lib/humanos/results";
import { describeStatus, statusKey } from "@/lib/humanos/statuses";
import { ExportButtons } from "./export-buttons";
import { getResultsColumns, resultsFeatures } from "./results-columns";
import { countByStatus, ResultsSummary, StatusLegend } from "./results-summary";
import { TONE_STYLES } from "./status-badge";

const columns = getResultsColumns();
const ALL = "all";
/** Rows drawn per page: a 100,000-row import must not put 100,000 <tr> in the page at once. */
export const RESULTS_PAGE_SIZE = 500;

export function ResultsTable({ results, onEditFailed }: { results: RowResult[]; onEditFailed?: () => void }) {
  const [statusFilter, setStatusFilter] = useState<string>(ALL);
  const [page, setPage] = useState(0);
  const counts = useMemo(() => countByStatus(results), [results]);
  const failedCount = counts.reduce(
    (sum, entry) => sum + (describeStatus(entry.status).isSuccess ? 0 : entry.count),
    0,
  );
  const visible = useMemo(
    () =>
      statusFilter === ALL ? results : results.filter((result) => statusKey(result.status) === statusFilter),
    [results, statusFilter],
  );
  const pageCount = Math.max(1, Math.ceil(visible.length / RESULTS_PAGE_SIZE));
  const currentPage = Math.min(page, pageCount - 1);
  const firstOnPage = currentPage * RESULTS_PAGE_SIZE;
  const pageRows = useMemo(
    () => visible.slice(firstOnPage, firstOnPage + RESULTS_PAGE_SIZE),
    [visible, firstOnPage],
  );
  const table = useTable({ features: resultsFeatures, columns, data: pageRows });

  return (
    <section aria-labelledby="results-heading" className="flex flex-col gap-3">
      <h2 id="results-heading" className="text-lg font-semibold">
        Results
      </h2>
      <ResultsSummary counts={counts} total={results.length} />
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          Show results
          <select
            value={statusFilter}
            onChange={(event) => {
              setStatusFilter(event.target.value);
              setPage(0);
            }}
            className="h-8 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
          >
            <option value={ALL}>All statuses ({results.length})</option>
            {counts.map((entry) => (
              <option key={statusKey(entry.status)} value={statusKey(entry.status)}>
                {describeStatus(entry.status).key === "not-sent" ? "Not sent" : statusKey(entry.status)} —{" "}
                {describeStatus(entry.status).label} ({entry.count})
              </option>
            ))}
          </select>
        </label>
        {onEditFailed && failedCount > 0 ? (
          <Button size="sm" onClick={onEditFailed}>
            Edit failed rows ({failedCount.toLocaleString("en-US")})
          </Button>
        ) : null}
        <ExportButtons results={visible} />
        <StatusLegend />
      </div>
      <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
        <table
          aria-label="Results"
          aria-rowcount={visible.length + 1}
          className="w-full border-collapse text-sm"
        >
          <thead className="bg-slate-100 text-left dark:bg-slate-800">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
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
                  key={row.id}
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
        </table>
        {visible.length === 0 ? (
          <p className="p-3 text-sm text-slate-600">No rows with this status.</p>
        ) : null}
      </div>
      {pageCount > 1 ? (
        <nav aria-label="Results pages" className="flex items-center gap-3 text-sm">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setPage(currentPage - 1)}
            disabled={currentPage === 0}
          >
            Previous
          </Button>
          <span aria-live="polite">
            Rows {(firstOnPage + 1).toLocaleString("en-US")}–
            {Math.min(firstOnPage + RESULTS_PAGE_SIZE, visible.length).toLocaleString("en-US")} of{" "}
            {visible.length.toLocaleString("en-US")}
          </span>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setPage(currentPage + 1)}
            disabled={currentPage >= pageCount - 1}
          >
            Next
          </Button>
        </nav>
      ) : null}
    </section>
  );
}
