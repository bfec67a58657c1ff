"use client";

import { useCallback, useEffect, useState } from "react";
import { isLiveState, type RunProgress } from "@/lib/runs/run-types";
import { runPaths } from "./format";

/**
 * How often a live run is read again. Each read is a request, three statements and a redraw of the
 * progress and results, on the cores that send the run: once a second is live enough for a bar and
 * its counts (the end of the run still shows at once, see read()).
 */
export const PROGRESS_POLL_MS = 1000;
/** After a failed read, wait longer before trying again (the server may be restarting). */
const RETRY_AFTER_ERROR_MS = 2000;

export type ProgressProblem = { kind: "not-found" } | { kind: "unreachable"; message: string };

/**
 * Reads a run's progress from GET /api/runs/[id]: once at first (unless the page already has it),
 * then about every second while the run is live (the server holds each read; see read()). `refresh()` reads it again now (after Cancel or Resume),
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
    // Reads after the first one of a live run ask the server to hold the answer up to
    // PROGRESS_POLL_MS, and less when the run ends: a steady beat, and the end shown at once.
    const read = async (waitMs: number) => {
      try {
        const response = await fetch(runPaths.progress(runId, waitMs), { cache: "no-store" });
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
        if (isLiveState(next.state)) timer = setTimeout(() => void read(PROGRESS_POLL_MS), 0);
      } catch (error) {
        if (stopped) return;
        setProblem({
          kind: "unreachable",
          message: error instanceof Error ? error.message : "the console did not answer",
        });
        timer = setTimeout(() => void read(0), RETRY_AFTER_ERROR_MS);
      }
    };
    void read(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [runId, shouldPoll, refreshes]);

  const refresh = useCallback(() => setRefreshes((count) => count + 1), []);
  return { progress, problem, refresh };
}
