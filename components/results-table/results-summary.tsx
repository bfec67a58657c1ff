"use client";

import { formatCount } from "@/components/runs/format";
import { CATALOGUED_STATUSES, describeStatus } from "@/lib/humanos/statuses";
import type { StatusCount } from "@/lib/runs/run-types";
import { StatusBadge } from "./status-badge";

/**
 * "N of M rows succeeded; K need attention" (the counts per status are in the run's progress panel,
 * just above). While the run is live the sentence says "so far" and is not a live region: the progress
 * panel announces state changes, and a sentence read out twice a second helps nobody.
 */
export function ResultsSummary({
  counts,
  total,
  isLive,
}: {
  counts: readonly StatusCount[];
  total: number;
  isLive: boolean;
}) {
  const succeeded = counts.reduce(
    (sum, entry) => sum + (describeStatus(entry.status).isSuccess ? entry.count : 0),
    0,
  );
  return isLive ? (
    <p className="font-medium">
      {formatCount(succeeded)} of {formatCount(total)} rows succeeded so far.
    </p>
  ) : (
    <p className="font-medium" role="status">
      {formatCount(succeeded)} of {formatCount(total)} rows succeeded; {formatCount(total - succeeded)} need
      attention.
    </p>
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
