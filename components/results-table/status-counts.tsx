import { CATALOGUED_STATUSES, type RowStatus, statusKey } from "@/lib/humanos/statuses";
import type { StatusCount } from "@/lib/runs/run-types";
import { StatusBadge } from "./status-badge";

/** Catalogued statuses first, in catalogue order, then any unexpected codes. */
export function orderCounts(counts: readonly StatusCount[]): StatusCount[] {
  const byKey = new Map(counts.map((entry) => [statusKey(entry.status), entry]));
  const ordered = CATALOGUED_STATUSES.flatMap((status: RowStatus) => byKey.get(statusKey(status)) ?? []);
  const others = counts.filter((entry) => !CATALOGUED_STATUSES.includes(entry.status));
  return [...ordered, ...others].filter((entry) => entry.count > 0);
}

/** Per-status counts as badges (icon, code and label as text) with "× n". */
export function StatusCountList({
  counts,
  label = "Counts per status",
  className,
}: {
  counts: readonly StatusCount[];
  label?: string;
  className?: string;
}) {
  const ordered = orderCounts(counts);
  if (ordered.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-400">No answers yet.</p>;
  return (
    <ul aria-label={label} className={className ?? "flex flex-wrap gap-2"}>
      {ordered.map((entry) => (
        <li key={statusKey(entry.status)} className="inline-flex items-center gap-1 text-sm">
          <StatusBadge status={entry.status} />
          <span className="tabular-nums">× {entry.count.toLocaleString("en-US")}</span>
        </li>
      ))}
    </ul>
  );
}
