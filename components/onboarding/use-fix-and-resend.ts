"use client";

import { useCallback, useState } from "react";
import { loadFailedRowsAction } from "@/app/runs/actions";
import { type GridCells, subjectToGridCells } from "@/lib/import/grid-fields";
import { answerText } from "./answer-text";

export type FailedRowsLoad = { ok: true; rows: GridCells[] } | { ok: false; message: string };

/**
 * Fix and resend: loads a run's rows with a definite failure (never its successful ones, nor those
 * Resume would send: getFailedRows) from the server as grid rows, each remembered with the answer it got so the grid shows it beside the row until the
 * row is edited.
 */
export function useFixAndResend() {
  const [answers, setAnswers] = useState<WeakMap<GridCells, string>>(() => new WeakMap());
  const [loadingRunId, setLoadingRunId] = useState<string | null>(null);

  const loadFailed = useCallback(async (runId: string): Promise<FailedRowsLoad> => {
    setLoadingRunId(runId);
    try {
      const outcome = await loadFailedRowsAction({ runId });
      if (!outcome.ok) return { ok: false, message: outcome.error.message };
      const next = new WeakMap<GridCells, string>();
      const rows = outcome.rows.map((failed) => {
        const row = subjectToGridCells(failed.subject);
        next.set(row, answerText(failed));
        return row;
      });
      setAnswers(next);
      return { ok: true, rows };
    } catch {
      return { ok: false, message: "The console server did not answer; try again." };
    } finally {
      setLoadingRunId(null);
    }
  }, []);

  return { answers, loadFailed, loadingRunId };
}
