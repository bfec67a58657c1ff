"use client";

import { describeStatus, statusKey } from "@/lib/humanos/statuses";
import type { RowFilter, StatusCount } from "@/lib/runs/run-types";

export const ALL_RESULTS: RowFilter = "all";
export const FAILED_RESULTS: RowFilter = "failed";

/** Rows that need the operator: every status that is not a success (not sent included). */
export function countFailures(counts: readonly StatusCount[]): number {
  return counts.reduce((sum, entry) => sum + (describeStatus(entry.status).isSuccess ? 0 : entry.count), 0);
}

/** The rows a filter selects, from the counts per status. */
export function countMatching(filter: RowFilter, counts: readonly StatusCount[], all: number): number {
  if (filter === ALL_RESULTS) return all;
  if (filter === FAILED_RESULTS) return countFailures(counts);
  return counts.find((entry) => statusKey(entry.status) === filter)?.count ?? 0;
}

/** "Show results": every row, every failure, or one status (with how many rows each holds). */
export function ResultsFilter({
  value,
  onChange,
  counts,
  total,
}: {
  value: RowFilter;
  onChange: (filter: RowFilter) => void;
  counts: readonly StatusCount[];
  total: number;
}) {
  const listed = new Set(counts.map((entry) => statusKey(entry.status)));
  return (
    <label className="flex items-center gap-2 text-sm">
      Show results
      <select
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="h-8 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
      >
        <option value={ALL_RESULTS}>All statuses ({total.toLocaleString("en-US")})</option>
        <option value={FAILED_RESULTS}>All failures ({countFailures(counts).toLocaleString("en-US")})</option>
        {counts.map((entry) => {
          const info = describeStatus(entry.status);
          return (
            <option key={info.key} value={info.key}>
              {`${info.key === "not-sent" ? "Not sent" : info.key} — ${info.label} (${entry.count.toLocaleString("en-US")})`}
            </option>
          );
        })}
        {/* A filter chosen before its status had any rows stays selectable. */}
        {value !== ALL_RESULTS && value !== FAILED_RESULTS && !listed.has(value) ? (
          <option value={value}>{value} (0)</option>
        ) : null}
      </select>
    </label>
  );
}
