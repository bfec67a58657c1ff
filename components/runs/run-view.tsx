"use client";

import type { ReactNode } from "react";
import type { RunProgress as RunProgressData } from "@/lib/runs/run-types";
import { RunProgress } from "./run-progress";
import { type EditFailed, RunResults } from "./run-results";
import { useRunControl } from "./use-run-control";
import { useRunProgress } from "./use-run-progress";

/**
 * One run, live: its progress (polled while it is live), Cancel / Resume, and its results. Shared by
 * the onboarding screen (right after "Create subjects") and the run's own page.
 */
export function RunView({
  runId,
  initial,
  editFailed,
  header,
}: {
  runId: string;
  initial?: RunProgressData;
  editFailed?: EditFailed;
  /** Drawn above the progress with the latest progress (e.g. the run page's header and its state). */
  header?: (progress: RunProgressData) => ReactNode;
}) {
  const { progress, problem, refresh } = useRunProgress(runId, initial);
  const control = useRunControl(runId, refresh);

  if (problem?.kind === "not-found") {
    return (
      <p
        role="alert"
        className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
      >
        This run was not found on the server.
      </p>
    );
  }
  if (!progress) {
    return (
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {problem?.kind === "unreachable"
          ? `Reading the run's progress failed (${problem.message}); trying again…`
          : "Reading the run's progress…"}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      {header?.(progress)}
      <RunProgress
        progress={progress}
        problem={problem}
        pending={control.pending}
        commandError={control.error}
        onCancel={control.cancel}
        onResume={control.resume}
      />
      <RunResults progress={progress} editFailed={editFailed} />
    </div>
  );
}
