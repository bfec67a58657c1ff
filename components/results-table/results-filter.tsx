"use client";

import { describeStatus, statusKey } from "@/lib/humanos/statuses";
import { ALL_RESULTS, countFailures, FAILED_RESULTS } from "@/lib/runs/run-counts";
import type { RowFilter, StatusCount } from "@/lib/runs/run-types";

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
