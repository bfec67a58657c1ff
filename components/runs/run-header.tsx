import Link from "next/link";
import type { RunSummary } from "@/lib/runs/run-types";
import { formatCount, runPaths, shortRunId } from "./format";
import { LocalTime } from "./local-time";
import { notReceivedSummary } from "./not-received-text";
import { RunStateBadge } from "./run-state";

/** Who started a run, when, from what, against which API, and which run it resends. */
export function RunHeader({ run }: { run: RunSummary }) {
  const notReceived = notReceivedSummary(run);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">
          Run <code className="text-xl">{shortRunId(run.id)}</code>
        </h1>
        <RunStateBadge run={run} className="text-sm" />
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Created</dt>
        <dd>
          <LocalTime iso={run.createdAt} />
        </dd>
        <dt className="font-medium">By</dt>
        <dd>{run.createdBy}</dd>
        <dt className="font-medium">Source</dt>
        <dd>{run.source}</dd>
        {run.parentRunId ? (
          <>
            <dt className="font-medium">Resends</dt>
            <dd>
              the failed rows of run{" "}
              <Link href={runPaths.detail(run.parentRunId)} className="underline underline-offset-2">
                {shortRunId(run.parentRunId)}
              </Link>
            </dd>
          </>
        ) : null}
        <dt className="font-medium">API target</dt>
        <dd className="break-all">{run.apiTarget}</dd>
        <dt className="font-medium">Rows</dt>
        <dd className="tabular-nums">
          {formatCount(run.totalRows)}
          {notReceived ? ` (${notReceived}: not sent)` : null}
        </dd>
        {run.finishedAt ? (
          <>
            <dt className="font-medium">Finished</dt>
            <dd>
              <LocalTime iso={run.finishedAt} />
            </dd>
          </>
        ) : null}
        <dt className="font-medium">Run ID</dt>
        <dd>
          <code className="text-xs break-all">{run.id}</code>
        </dd>
      </dl>
    </div>
  );
}
