import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { StatusCountList } from "@/components/results-table/status-counts";
import { processedRows, type RunSummary } from "@/lib/runs/run-types";
import { formatCount, runPaths, shortRunId } from "./format";
import { LocalTime } from "./local-time";
import { notReceivedSummary } from "./not-received-text";
import { RunStateBadge } from "./run-state";

/** "N of M" while a run has rows left (a cancelled run's unsent ones included), else just M. */
function ProcessedOfTotal({ run }: { run: RunSummary }) {
  const processed = processedRows(run);
  return processed === run.totalRows
    ? formatCount(run.totalRows)
    : `${formatCount(processed)} of ${formatCount(run.totalRows)}`;
}

/** A run whose upload was cut short says so beside its rows, in words and with an icon. */
function RowsNotReceived({ run }: { run: RunSummary }) {
  const notReceived = notReceivedSummary(run);
  if (!notReceived) return null;
  return (
    <span
      data-testid="rows-not-received"
      className="mt-1 flex items-start justify-end gap-1 text-left text-xs font-medium text-amber-900 dark:text-amber-200"
    >
      <TriangleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
      <span>Upload cut short: {notReceived}, not sent</span>
    </span>
  );
}

/** The history: one row per run, newest first, each linking to its page (and to the run it resends). */

export function RunsList({ runs }: { runs: readonly RunSummary[] }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
      <table aria-label="Runs" className="w-full border-collapse text-sm">
        <thead className="bg-slate-100 text-left dark:bg-slate-800">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Run
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              When
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Who
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Source
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              State
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              Rows
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Answers
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr
              key={run.id}
              data-run-id={run.id}
              className="border-t border-slate-200 align-top dark:border-slate-700"
            >
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link
                  href={runPaths.detail(run.id)}
                  className="font-medium text-blue-800 underline underline-offset-2 dark:text-blue-300"
                  aria-label={`Run ${shortRunId(run.id)}`}
                >
                  <code>{shortRunId(run.id)}</code>
                </Link>
              </th>
              <td className="px-3 py-2 whitespace-nowrap">
                <LocalTime iso={run.createdAt} />
              </td>
              <td className="px-3 py-2">{run.createdBy}</td>
              <td className="px-3 py-2">
                {/* A resend's source already names its parent: the link below says it once. */}
                {run.parentRunId && run.source === `resend of ${shortRunId(run.parentRunId)}` ? null : (
                  <span className="break-all">{run.source}</span>
                )}
                {run.parentRunId ? (
                  <span className="block text-slate-700 dark:text-slate-300">
                    resend of{" "}
                    <Link
                      href={runPaths.detail(run.parentRunId)}
                      className="text-blue-800 underline underline-offset-2 dark:text-blue-300"
                      aria-label={`resend of run ${shortRunId(run.parentRunId)}`}
                    >
                      <code>{shortRunId(run.parentRunId)}</code>
                    </Link>
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <RunStateBadge run={run} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                <ProcessedOfTotal run={run} />
                <RowsNotReceived run={run} />
              </td>
              <td className="px-3 py-2">
                <StatusCountList
                  counts={run.counts}
                  label={`Answers of run ${shortRunId(run.id)}, per status`}
                  className="flex flex-col gap-1"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Page 2 of 7" with Previous / Next links (a link only where there is a page to go to). */
export function RunsPager({ page, pageCount }: { page: number; pageCount: number }) {
  const link =
    "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700";
  const inert =
    "rounded-md border border-slate-200 px-3 py-1.5 text-slate-500 dark:border-slate-700 dark:text-slate-400";
  return (
    <nav aria-label="Run history pages" className="flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={page === 2 ? "/runs" : `/runs?page=${page - 1}`} className={link} rel="prev">
          Previous
        </Link>
      ) : (
        <span className={inert} aria-disabled="true">
          Previous
        </span>
      )}
      <span>
        Page {formatCount(page)} of {formatCount(pageCount)}
      </span>
      {page < pageCount ? (
        <Link href={`/runs?page=${page + 1}`} className={link} rel="next">
          Next
        </Link>
      ) : (
        <span className={inert} aria-disabled="true">
          Next
        </span>
      )}
    </nav>
  );
}
