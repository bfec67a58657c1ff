"use client";

import { useCallback, useEffect, useState } from "react";
import { isLiveState, type RunProgress } from "@/lib/runs/run-types";
import { runPaths } from "./format";

/** How often a live run is read again. */
export const PROGRESS_POLL_MS = 500;
/** After a failed read, wait longer before trying again (the server may be restarting). */
const RETRY_AFTER_ERROR_MS = 2000;

export type ProgressProblem = { kind: "not-found" } | { kind: "unreachable"; message: string };

/**
 * Reads a run's progress from GET /api/runs/[id]: once at first (unless the page already has it),
 * then every 500 ms while the run is live. `refresh()` reads it again now (after Cancel or Resume),
 * and polling restarts if the run became live again.
 */
export function useRunProgress(runId: string, initial?: RunProgress) {
  const [progress, setProgress] = useState<RunProgress | null>(initial ?? null);
  const [problem, setProblem] = useState<ProgressProblem | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  const shouldPoll = problem?.kind !== "not-found" && (progress === null || isLiveState(progress.state));

  useEffect(() => {
    if (!shouldPoll && refreshes === 0) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const response = await fetch(runPaths.progress(runId), { cache: "no-store" });
        if (stopped) return;
        if (response.status === 404) {
          setProblem({ kind: "not-found" });
          return;
        }
        if (!response.ok) throw new Error(`the console answered ${response.status}`);
        const next = (await response.json()) as RunProgress;
        if (stopped) return;
        setProblem(null);
        setProgress(next);
        if (isLiveState(next.state)) timer = setTimeout(read, PROGRESS_POLL_MS);
      } catch (error) {
        if (stopped) return;
        setProblem({
          kind: "unreachable",
          message: error instanceof Error ? error.message : "the console did not answer",
        });
        timer = setTimeout(read, RETRY_AFTER_ERROR_MS);
      }
    };
    void read();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [runId, shouldPoll, refreshes]);

  const refresh = useCallback(() => setRefreshes((count) => count + 1), []);
  return { progress, problem, refresh };
}
