"use client";

import { useCallback, useState } from "react";
import type { RowResult } from "@/lib/humanos/results";
import { describeStatus, statusKey } from "@/lib/humanos/statuses";
import { type GridCells, subjectToGridCells } from "@/lib/import/grid-fields";
import type { SubmissionRow } from "@/lib/onboarding/submission";

/**
 * Remembers the cells behind a submission (by row index) so the rows that failed can be loaded back
 * into the grid, each with Humanos' answer beside it, fixed and sent again.
 */
export function useFixAndResend() {
  const [sources, setSources] = useState<readonly GridCells[] | null>(null);
  const [answers, setAnswers] = useState<WeakMap<GridCells, string>>(() => new WeakMap());

  const rememberGrid = useCallback((rows: readonly GridCells[]) => setSources(rows), []);
  const rememberForm = useCallback((rows: readonly SubmissionRow[]) => {
    const cells: GridCells[] = [];
    for (const row of rows) cells[row.rowIndex] = subjectToGridCells(row.subject);
    setSources(cells);
  }, []);

  /** The failed rows' cells, in input order, with the answer each got. */
  const failedRows = useCallback(
    (results: readonly RowResult[]): GridCells[] => {
      if (!sources) return [];
      const next = new WeakMap<GridCells, string>();
      const rows: GridCells[] = [];
      for (const result of results) {
        if (describeStatus(result.status).isSuccess) continue;
        const source = sources[result.rowIndex];
        if (!source) continue;
        // A copy: the loaded row is a new grid row, and its answer belongs to it until it is edited.
        const row = { ...source };
        const key = statusKey(result.status);
        next.set(
          row,
          `${key === "not-sent" ? "Not sent" : key} (${describeStatus(result.status).label}): ${result.message}`,
        );
        rows.push(row);
      }
      setAnswers(next);
      return rows;
    },
    [sources],
  );

  return { canEditFailed: sources !== null, rememberGrid, rememberForm, failedRows, answers };
}
