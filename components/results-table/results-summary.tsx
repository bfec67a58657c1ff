"use client";

import type { RowResult } from "@/lib/humanos/results";
import { CATALOGUED_STATUSES, describeStatus, type RowStatus, statusKey } from "@/lib/humanos/statuses";
import { StatusBadge } from "./status-badge";

export interface StatusCount {
  status: RowStatus;
  count: number;
}

/** Counts per status, catalogued statuses first in catalogue order, then any unexpected codes. */
export function countByStatus(results: readonly RowResult[]): StatusCount[] {
  const counts = new Map<string, StatusCount>();
  for (const result of results) {
    const key = statusKey(result.status);
    const entry = counts.get(key) ?? { status: result.status, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const ordered = CATALOGUED_STATUSES.flatMap((status) => counts.get(statusKey(status)) ?? []);
  const others = [...counts.values()].filter((entry) => !CATALOGUED_STATUSES.includes(entry.status));
  return [...ordered, ...others];
}

export function ResultsSummary({ counts, total }: { counts: StatusCount[]; total: number }) {
  const succeeded = counts.reduce(
    (sum, entry) => sum + (describeStatus(entry.status).isSuccess ? entry.count : 0),
    0,
  );
  return (
    <div className="flex flex-col gap-2">
      <p className="font-medium" role="status">
        {succeeded} of {total} rows succeeded; {total - succeeded} need attention.
      </p>
      <ul aria-label="Counts per status" className="flex flex-wrap gap-2">
        {counts.map((entry) => (
          <li key={statusKey(entry.status)} className="inline-flex items-center gap-1 text-sm">
            <StatusBadge status={entry.status} />
            <span className="tabular-nums">× {entry.count}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function StatusLegend() {
  return (
    <details className="rounded-md border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900">
      <summary className="cursor-pointer font-medium">What each status means</summary>
      <dl className="mt-2 grid gap-2 sm:grid-cols-[max-content_1fr]">
        {CATALOGUED_STATUSES.map((status) => {
          const info = describeStatus(status);
          return (
            <div key={info.key} className="contents">
              <dt>
                <StatusBadge status={status} />
              </dt>
              <dd className="text-slate-700 dark:text-slate-300">
                {info.meaning} <span className="font-medium">{info.nextStep}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}
