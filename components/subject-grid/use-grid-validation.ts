"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { CellErrors, GridCells } from "@/lib/import/grid-fields";
import { profileDateColumn } from "@/lib/import/normalise-date";
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
import { getValidationPool } from "./validation-pool";

/** Up to this many changed rows are validated in place (a few ms); more go to the workers. */
const SYNC_VALIDATION_LIMIT = 1500;

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

interface VerdictCache {
  /** What every cached verdict depends on besides its row: the options and the column profile. */
  optionsKey: string;
  profile: ColumnProfile;
  verdicts: WeakMap<GridCells, RowVerdict>;
  /** The rows the profile (and `duplicates`) were computed for by the workers, if still current. */
  profiledRows?: readonly GridCells[];
  duplicates?: ReadonlyMap<number, CellErrors>;
}

function sameProfile(a: ColumnProfile, b: ColumnProfile): boolean {
  const lengths = (profile: ColumnProfile) =>
    JSON.stringify([...profile.docId.digitLengthsByCountry].map(([country, map]) => [country, [...map]]));
  return a.birth === b.birth && lengths(a) === lengths(b);
}

type Job =
  | { kind: "ready"; cache: VerdictCache; options: ImportOptions }
  | { kind: "bulk"; cache: VerdictCache | null; pending: GridCells[]; options: ImportOptions };

/**
 * Validates the grid, reusing each unchanged row's verdict (rows are immutable: identity means
 * "unchanged"). A few changed rows are checked in place; a paste or a file goes to the worker pool,
 * which first re-profiles the columns (date order, document lengths), and meanwhile `isValidating`
 * is true and rows not yet checked have no verdict. A new date order or phone region re-checks all.
 */
export function useGridValidation(
  rows: readonly GridCells[],
  defaultRegion: CountryCode,
): { validation: GridValidation; isValidating: boolean } {
  const cacheRef = useRef<VerdictCache | null>(null);
  const [settled, setSettled] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `settled` says the workers have filled the cache
  const job = useMemo((): Job => {
    const options: ImportOptions = { defaultRegion, today: todayUtc() };
    const optionsKey = `${options.defaultRegion}|${options.today}`;
    let cache = cacheRef.current?.optionsKey === optionsKey ? cacheRef.current : null;
    if (cache === null && rows.length > SYNC_VALIDATION_LIMIT)
      return { kind: "bulk", cache: null, pending: [...rows], options };
    cache ??= { optionsKey, profile: profileColumns(rows), verdicts: new WeakMap() };
    let missing = rows.filter((row) => !(cache as VerdictCache).verdicts.has(row));
    if (missing.length > SYNC_VALIDATION_LIMIT) return { kind: "bulk", cache, pending: missing, options };
    // The date order (D/M or M/D) is a fact about the whole column: any edit, deletion or undo can
    // flip it, and then every date must be read again. (The document-length profile only feeds
    // warnings; it is refreshed on the next bulk change.)
    const birth =
      cache.profiledRows === rows ? cache.profile.birth : profileDateColumn(rows.map((row) => row.birth));
    if (birth !== cache.profile.birth) {
      cache = { optionsKey, profile: { ...cache.profile, birth }, verdicts: new WeakMap() };
      missing = [...rows];
      if (missing.length > SYNC_VALIDATION_LIMIT)
        return { kind: "bulk", cache: null, pending: missing, options };
    }
    for (const row of missing) cache.verdicts.set(row, verdictOfRow(row, cache.profile, options));
    cacheRef.current = cache;
    return { kind: "ready", cache, options };
  }, [rows, defaultRegion, settled]);

  useEffect(() => {
    if (job.kind !== "bulk") return;
    let cancelled = false;
    const pool = getValidationPool();
    const { options } = job;
    (async () => {
      const { profile, duplicates } = await pool.profile(rows);
      if (cancelled) return;
      const keep = job.cache !== null && sameProfile(job.cache.profile, profile);
      const cache: VerdictCache = keep
        ? { ...(job.cache as VerdictCache), profile, profiledRows: rows, duplicates }
        : {
            optionsKey: `${options.defaultRegion}|${options.today}`,
            profile,
            verdicts: new WeakMap(),
            profiledRows: rows,
            duplicates,
          };
      const pending = keep ? job.pending : [...rows];
      const verdicts = await pool.validate(pending, profile, options);
      if (cancelled) return;
      for (const [index, verdict] of verdicts.entries())
        cache.verdicts.set(pending[index] as GridCells, verdict);
      cacheRef.current = cache;
      setSettled((count) => count + 1);
    })().catch((error: unknown) => {
      // A worker that fails must not leave the grid busy forever: validate here instead, slowly.
      console.error("[grid validation] worker failed; validating on the main thread", error);
      if (cancelled) return;
      const profile = profileColumns(rows);
      const cache: VerdictCache = {
        optionsKey: `${options.defaultRegion}|${options.today}`,
        profile,
        verdicts: new WeakMap(),
      };
      for (const row of rows) cache.verdicts.set(row, verdictOfRow(row, profile, options));
      cacheRef.current = cache;
      setSettled((count) => count + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [job, rows]);

  const validation = useMemo((): GridValidation => {
    if (job.kind === "bulk") {
      // Rows not checked yet have no verdict (shown without marks); the counts wait for the workers.
      const known = job.cache ? rows.map((row) => job.cache?.verdicts.get(row)) : [];
      return {
        verdicts: known as RowVerdict[],
        validCount: 0,
        invalidCount: 0,
        warningCount: 0,
        invalidRows: [],
      };
    }
    const verdicts = job.cache.verdicts;
    return summariseVerdicts(
      rows,
      rows.map((row) => verdicts.get(row) ?? verdictOfRow(row, job.cache.profile, job.options)),
      job.cache.profiledRows === rows ? job.cache.duplicates : undefined,
    );
  }, [rows, job]);

  return { validation, isValidating: job.kind === "bulk" };
}
