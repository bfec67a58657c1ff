"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { GridCells } from "@/lib/import/grid-fields";
import type { CountryCode } from "@/lib/import/normalise-phone";
import {
  type ColumnProfile,
  type GridValidation,
  type ImportOptions,
  profileColumns,
  type RowVerdict,
  summariseVerdicts,
  verdictOfRow,
} from "@/lib/import/validate-grid";
import type { ValidationReply, ValidationRequest } from "./validation.worker";

/** Up to this many changed rows are validated in place (a few ms); more go to the worker. */
const SYNC_VALIDATION_LIMIT = 1500;

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

interface Cache {
  /** What the cached verdicts depend on besides the row itself. */
  key: string;
  profile: ColumnProfile;
  verdicts: WeakMap<GridCells, RowVerdict>;
}

/**
 * Validates the grid, reusing each unchanged row's verdict (rows are immutable, so identity means
 * "unchanged"). Column-level facts (date order, document lengths) are profiled on big changes; if
 * the date order or the phone region changes, every row is checked again. Big changes run in a Web
 * Worker; meanwhile `isValidating` is true and rows not yet validated have no verdict.
 */
export function useGridValidation(
  rows: readonly GridCells[],
  defaultRegion: CountryCode,
): { validation: GridValidation; isValidating: boolean } {
  const cache = useRef<Cache | null>(null);
  const worker = useRef<Worker | null>(null);
  const jobCounter = useRef(0);
  const [settledJobs, setSettledJobs] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: settledJobs says the worker has filled the cache
  const job = useMemo(() => {
    const options: ImportOptions = { defaultRegion, today: todayUtc() };
    let current = cache.current;
    const missing: GridCells[] = [];
    if (current) for (const row of rows) if (!current.verdicts.has(row)) missing.push(row);
    const isBulk = current === null || missing.length > SYNC_VALIDATION_LIMIT;
    // Small edits keep the document-length profile; the date order is cheap and re-read every time.
    const fresh = isBulk
      ? profileColumns(rows)
      : { ...(current as Cache).profile, birth: profileColumns(rows).birth };
    const key = `${fresh.birth}|${options.defaultRegion}|${options.today}`;
    if (current === null || current.key !== key || isBulk) {
      current = { key, profile: fresh, verdicts: current?.key === key ? current.verdicts : new WeakMap() };
      cache.current = current;
    }
    const pending = rows.filter((row) => !(current as Cache).verdicts.has(row));
    if (pending.length <= SYNC_VALIDATION_LIMIT) {
      for (const row of pending) current.verdicts.set(row, verdictOfRow(row, current.profile, options));
      return { pending: [] as GridCells[], options, cache: current };
    }
    return { pending, options, cache: current };
  }, [rows, defaultRegion, settledJobs]);

  useEffect(() => {
    if (job.pending.length === 0) return;
    worker.current ??= new Worker(new URL("./validation.worker.ts", import.meta.url), { type: "module" });
    const jobId = ++jobCounter.current;
    const activeWorker = worker.current;
    const onReply = (event: MessageEvent<ValidationReply>) => {
      if (event.data.jobId !== jobId) return;
      event.data.verdicts.forEach((verdict, index) => {
        const row = job.pending[index];
        if (row) job.cache.verdicts.set(row, verdict);
      });
      setSettledJobs((count) => count + 1);
    };
    activeWorker.addEventListener("message", onReply);
    const request: ValidationRequest = {
      jobId,
      rows: job.pending,
      profile: job.cache.profile,
      options: job.options,
    };
    activeWorker.postMessage(request);
    return () => activeWorker.removeEventListener("message", onReply);
  }, [job]);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  const validation = useMemo((): GridValidation => {
    const known = rows.map((row) => job.cache.verdicts.get(row));
    if (job.pending.length > 0) {
      // Rows not validated yet have no verdict (shown without marks); counts wait for the worker.
      return {
        verdicts: known as RowVerdict[],
        validCount: 0,
        invalidCount: 0,
        warningCount: 0,
        invalidRows: [],
      };
    }
    return summariseVerdicts(
      rows,
      known.map(
        (verdict, index) => verdict ?? verdictOfRow(rows[index] as GridCells, job.cache.profile, job.options),
      ),
    );
  }, [rows, job]);

  return { validation, isValidating: job.pending.length > 0 };
}
