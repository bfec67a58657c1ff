"use client";

import { useCallback, useEffect, useRef, useState } from "react";
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
 * How long the next read of a run's progress asks the server to hold its answer: none when nothing
 * is known yet or the operator asked for it now (after Cancel or Resume); otherwise a poll's beat,
 * since the progress already held (the page's own, or a read that just came back) is current: an
 * immediate read would fetch the same thing twice. Pure.
 */
export function firstReadWaitMs(known: boolean, refreshWanted: boolean): number {
  return known && !refreshWanted ? PROGRESS_POLL_MS : 0;
}

/**
 * Reads a run's progress from GET /api/runs/[id]: at once when the page has none, then about every
 * second while the run is live (the server holds each read; see read()). `refresh()` reads it again
 * now (after Cancel or Resume), and polling restarts if the run became live again. A live run's
 * progress the page already has is not read again at once, and a run that stops is not read again.
 */
export function useRunProgress(runId: string, initial?: RunProgress) {
  const [progress, setProgress] = useState<RunProgress | null>(initial ?? null);
  const [problem, setProblem] = useState<ProgressProblem | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  /** The last refresh() a read has answered: polling stopping is no reason to read again. */
  const answeredRefreshes = useRef(0);
  const known = useRef(initial !== undefined);
  const shouldPoll = problem?.kind !== "not-found" && (progress === null || isLiveState(progress.state));

  useEffect(() => {
    const refreshWanted = refreshes > answeredRefreshes.current;
    if (!shouldPoll && !refreshWanted) return;
    let stopped = false;
    // A read this effect no longer wants (Cancel or Resume asked for a fresh one) is dropped, not
    // left open on the server for the rest of its hold.
    const abandon = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Reads after the first one of a live run ask the server to hold the answer up to
    // PROGRESS_POLL_MS, and less when the run ends: a steady beat, and the end shown at once.
    const read = async (waitMs: number) => {
      try {
        const response = await fetch(runPaths.progress(runId, waitMs), {
          cache: "no-store",
          signal: abandon.signal,
        });
        if (stopped) return;
        if (response.status === 404) {
          setProblem({ kind: "not-found" });
          return;
        }
        if (!response.ok) throw new Error(`the console answered ${response.status}`);
        const next = (await response.json()) as RunProgress;
        if (stopped) return;
        answeredRefreshes.current = refreshes;
        known.current = true;
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
    void read(firstReadWaitMs(known.current, refreshWanted));
    return () => {
      stopped = true;
      clearTimeout(timer);
      abandon.abort();
    };
  }, [runId, shouldPoll, refreshes]);

  const refresh = useCallback(() => setRefreshes((count) => count + 1), []);
  return { progress, problem, refresh };
}
