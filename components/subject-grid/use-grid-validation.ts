"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { GridCells } from "@/lib/import/grid-fields";
import {
  type GridValidation,
  type RowVerdict,
  summariseVerdicts,
  verdictOfRow,
} from "@/lib/import/validate-grid";
import type { ValidationReply, ValidationRequest } from "./validation.worker";

/** Up to this many changed rows are validated in place (a few ms); more go to the worker. */
const SYNC_VALIDATION_LIMIT = 1500;

/**
 * Validates the grid, reusing each unchanged row's verdict (rows are immutable, so identity means
 * "unchanged"). Big changes (a paste, a file) run in a Web Worker; meanwhile `isValidating` is true
 * and rows not yet validated count as pending.
 */
export function useGridValidation(rows: readonly GridCells[]): {
  validation: GridValidation;
  isValidating: boolean;
} {
  const cache = useRef(new WeakMap<GridCells, RowVerdict>());
  const worker = useRef<Worker | null>(null);
  const jobCounter = useRef(0);
  const [settledJobs, setSettledJobs] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: settledJobs says the worker has filled the cache
  const pending = useMemo(() => {
    const missing: GridCells[] = [];
    for (const row of rows) if (!cache.current.has(row)) missing.push(row);
    if (missing.length <= SYNC_VALIDATION_LIMIT) {
      for (const row of missing) cache.current.set(row, verdictOfRow(row));
      return [];
    }
    return missing;
  }, [rows, settledJobs]);

  useEffect(() => {
    if (pending.length === 0) return;
    worker.current ??= new Worker(new URL("./validation.worker.ts", import.meta.url), { type: "module" });
    const jobId = ++jobCounter.current;
    const activeWorker = worker.current;
    const onReply = (event: MessageEvent<ValidationReply>) => {
      if (event.data.jobId !== jobId) return;
      event.data.verdicts.forEach((verdict, index) => {
        const row = pending[index];
        if (row) cache.current.set(row, verdict);
      });
      setSettledJobs((count) => count + 1);
    };
    activeWorker.addEventListener("message", onReply);
    const request: ValidationRequest = { jobId, rows: pending };
    activeWorker.postMessage(request);
    return () => activeWorker.removeEventListener("message", onReply);
  }, [pending]);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  const validation = useMemo((): GridValidation => {
    const known = rows.map((row) => cache.current.get(row));
    if (pending.length > 0) {
      // Rows not validated yet have no verdict (shown without marks); counts wait for the worker.
      return { verdicts: known as RowVerdict[], validCount: 0, invalidCount: 0, invalidRows: [] };
    }
    return summariseVerdicts(
      rows,
      known.map((verdict, index) => verdict ?? verdictOfRow(rows[index] as GridCells)),
    );
  }, [rows, pending]);

  return { validation, isValidating: pending.length > 0 };
}
