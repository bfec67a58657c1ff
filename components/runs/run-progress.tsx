"use client";

import { Play, Square, TriangleAlert } from "lucide-react";
import { useId } from "react";
import { StatusCountList } from "@/components/results-table/status-counts";
import { Button } from "@/components/ui/button";
import { countOf } from "@/lib/format-count";
import {
  isLiveState,
  isWaitingState,
  processedRows,
  type RunProgress as RunProgressData,
} from "@/lib/runs/run-types";
import { formatCount, formatDuration, formatRate } from "./format";
import { notReceivedSentence, notReceivedSummary, shownRunState } from "./not-received-text";
import { RUN_STATE_INFO, RunStateBadge } from "./run-state";
import type { RunCommand } from "./use-run-control";
import type { ProgressProblem } from "./use-run-progress";

interface RunProgressProps {
  progress: RunProgressData;
  problem: ProgressProblem | null;
  pending: RunCommand | null;
  commandError: string | null;
  onCancel: () => void;
  onResume: () => void;
}

/**
 * Whether Resume has anything to send: the run stopped (interrupted, cancelled, or completed with
 * requests that never got an answer) and has rows whose request has no recorded answer.
 */
export function canResume(progress: RunProgressData): boolean {
  return !isWaitingState(progress.state) && progress.resumableRows > 0;
}

/**
 * A run's live progress: a real progress bar, "N of M rows", counts per status, rate and ETA, its
 * state in words, and Cancel / Resume. Only state changes are announced (not every tick).
 */
export function RunProgress({
  progress,
  problem,
  pending,
  commandError,
  onCancel,
  onResume,
}: RunProgressProps) {
  const headingId = useId();
  const barLabelId = useId();
  const isLive = isLiveState(progress.state);
  const { totalRows, resumableRows } = progress;
  const doneRows = processedRows(progress);
  const notReceived = notReceivedSentence(progress);
  const notReceivedShort = notReceivedSummary(progress);
  return (
    <section
      aria-labelledby={headingId}
      data-state={progress.state}
      data-testid="run-progress"
      className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold">
          Run progress
        </h2>
        <RunStateBadge run={progress} long className="text-sm" />
      </div>
      {/* Announced politely when the state changes; the numbers below change too often to read out. */}
      <p aria-live="polite" className="sr-only">
        {`Run ${RUN_STATE_INFO[shownRunState(progress)].description}.${notReceivedShort ? ` ${notReceivedShort}.` : ""}`}
      </p>
      <div className="flex flex-col gap-1">
        <p id={barLabelId} className="text-sm">
          <span className="tabular-nums">{formatCount(doneRows)}</span> of{" "}
          <span className="tabular-nums">{formatCount(totalRows)}</span> rows processed
          {isLive && progress.rowsPerSecond !== null ? (
            <>
              {" "}
              · <span className="tabular-nums">{formatRate(progress.rowsPerSecond)}</span>
              {/* The rate covers the current sending only: say so once the run has been resumed. */}
              {progress.resumedAt !== null ? " since it was resumed" : null}
            </>
          ) : null}
          {isLive && progress.etaSeconds !== null ? (
            <>
              {" "}
              · ETA <span className="tabular-nums">{formatDuration(progress.etaSeconds)}</span>
            </>
          ) : null}
          {canResume(progress) ? (
            <> · {formatCount(resumableRows)} not sent or without an answer: Resume sends them</>
          ) : null}
        </p>
        <progress
          aria-label="Rows processed"
          aria-describedby={barLabelId}
          max={Math.max(totalRows, 1)}
          value={doneRows}
          className="h-2 w-full accent-blue-700"
        />
      </div>
      {notReceived ? (
        <p
          data-testid="rows-not-received"
          className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>
            <strong className="font-semibold">Upload cut short:</strong> {notReceived}
          </span>
        </p>
      ) : null}
      <StatusCountList counts={progress.counts} label="Answers so far, per status" />
      <div className="flex flex-wrap items-center gap-3">
        {progress.state === "running" ? (
          <Button variant="secondary" size="sm" onClick={onCancel} disabled={pending !== null}>
            <Square aria-hidden="true" className="size-4" />
            {pending === "cancel" ? "Cancelling…" : "Cancel"}
          </Button>
        ) : null}
        {canResume(progress) ? (
          <Button size="sm" onClick={onResume} disabled={pending !== null}>
            <Play aria-hidden="true" className="size-4" />
            {pending === "resume" ? "Resuming…" : `Resume (${countOf(resumableRows, "row")})`}
          </Button>
        ) : null}
        {progress.state === "running" ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Cancel stops new requests; those already sent finish and keep their answers.
          </p>
        ) : null}
      </div>
      {commandError ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
        >
          {commandError}
        </p>
      ) : null}
      {problem?.kind === "unreachable" ? (
        <p role="status" className="text-sm text-amber-900 dark:text-amber-200">
          Progress is not updating ({problem.message}); trying again. The run itself goes on on the server.
        </p>
      ) : null}
    </section>
  );
}
