"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import {
  findBatchDuplicates,
  type RepeatState,
  type RowKeys,
  refreshDuplicates,
  rowKeysOf,
} from "@/lib/import/batch-duplicates";
import { sameDocIdDecisions } from "@/lib/import/detect-damage";
import type { CellErrors, GridCells } from "@/lib/import/grid-fields";
import type { DateColumnProfile, TextDateChoice } from "@/lib/import/normalise-date";
import type { CountryCode } from "@/lib/import/normalise-phone";
import { carryOver, changedSpan, refreshProfile } from "@/lib/import/refresh-profile";
import {
  type ColumnProfile,
  type GridValidation,
  type ImportOptions,
  importOptionsKey,
  profileColumns,
  type RowVerdict,
  summariseVerdicts,
  verdictOfRow,
} from "@/lib/import/validate-grid";
import { runInIdleSlices } from "./idle-slices";
import { getValidationPool } from "./validation-pool";

/** Up to this many changed rows are validated in place (a few ms); more go to the workers. */
const SYNC_VALIDATION_LIMIT = 1500;
/** Rows whose repeat-check keys are computed per idle callback (a few ms each). */
const KEY_PRIMING_SLICE_ROWS = 5000;

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

interface VerdictCache {
  /** What every cached verdict depends on besides its row: the options and the column profile. */
  optionsKey: string;
  profile: ColumnProfile;
  /** The rows `profile` describes (kept current edit by edit, see refreshProfile); all have a verdict. */
  profileRows: readonly GridCells[];
  verdicts: WeakMap<GridCells, RowVerdict>;
  /** The repeats among the last rows summarised, kept current edit by edit (see currentDuplicates). */
  duplicates?: RepeatState;
  /** Each row's own verdict, by position, for `rows` (see rowVerdictsOf). */
  rowVerdicts?: { rows: readonly GridCells[]; verdicts: readonly RowVerdict[] };
  /**
   * Verdicts the workers sent for these rows by position and `verdicts` does not hold yet: filled in
   * idle time, since 100,000 WeakMap entries at once would hold the page when the checks end.
   */
  verdictsToRemember?: VerdictsToRemember;
}

/** Verdicts by position still to be put in a cache's WeakMap `into`; `remembered` says how far that got. */
interface VerdictsToRemember {
  rows: readonly GridCells[];
  verdicts: readonly RowVerdict[];
  into: WeakMap<GridCells, RowVerdict>;
  remembered: number;
}

/** An empty cache for `rows`; with `duplicates`, the workers' repeats found for exactly these rows. */
function freshCache(
  options: ImportOptions,
  rows: readonly GridCells[],
  profile: ColumnProfile,
  duplicates?: ReadonlyMap<number, CellErrors>,
): VerdictCache {
  const cache: VerdictCache = {
    optionsKey: importOptionsKey(options),
    profile,
    profileRows: rows,
    verdicts: new WeakMap(),
  };
  return duplicates ? { ...cache, duplicates: { rows, map: duplicates } } : cache;
}

/**
 * The repeats among `rows`: from the last ones known when only a few rows were replaced in place,
 * otherwise found again (both on the main thread; see refreshDuplicates). Remembered in the cache.
 */
function currentDuplicates(cache: VerdictCache, rows: readonly GridCells[]): ReadonlyMap<number, CellErrors> {
  const known = cache.duplicates;
  if (known?.rows === rows) return known.map;
  const next = (known && refreshDuplicates(known, rows, SYNC_VALIDATION_LIMIT)) ?? {
    rows,
    map: findBatchDuplicates(rows),
  };
  cache.duplicates = next;
  return next.map;
}

/**
 * Each row's own verdict, in order: carried over from the last list by position, with only the rows
 * replaced, inserted or pasted since looked up (see carryOver). Remembered in the cache.
 */
function rowVerdictsOf(
  cache: VerdictCache,
  rows: readonly GridCells[],
  options: ImportOptions,
): readonly RowVerdict[] {
  const verdictOf = (row: GridCells) => cache.verdicts.get(row) ?? verdictOfRow(row, cache.profile, options);
  const known = cache.rowVerdicts;
  const verdicts =
    known === undefined
      ? rows.map(verdictOf)
      : known.rows === rows
        ? known.verdicts
        : carryOver(known.rows, known.verdicts, rows, verdictOf);
  cache.rowVerdicts = { rows, verdicts };
  return verdicts;
}

/** Every verdict reached under `a` holds under `b` (the counts behind them may differ). */
function sameDecisions(a: ColumnProfile, b: ColumnProfile): boolean {
  return a.birth === b.birth && sameDocIdDecisions(a.docId, b.docId);
}

type Job =
  | { kind: "ready"; cache: VerdictCache; options: ImportOptions }
  | {
      kind: "bulk";
      cache: VerdictCache | null;
      pending: GridCells[];
      options: ImportOptions;
      /** The date order shown while the workers profile the rows: the last one known. */
      birthProfile: DateColumnProfile;
    };

/**
 * Validates the grid, reusing each unchanged row's verdict (rows are immutable: identity means
 * "unchanged"). A few changed rows are checked in place; a paste or a file goes to the worker pool,
 * which first re-profiles the columns (date order, document lengths), and meanwhile `isValidating`
 * is true and rows not yet checked have no verdict. A new date order, phone region or text-date
 * choice re-checks all; so does a new usual document length, which small edits also keep current.
 */
export function useGridValidation(
  rows: readonly GridCells[],
  defaultRegion: CountryCode,
  textDates: TextDateChoice = "detected",
): { validation: GridValidation; isValidating: boolean; birthProfile: DateColumnProfile } {
  const cacheRef = useRef<VerdictCache | null>(null);
  const [settled, setSettled] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `settled` says the workers have filled the cache
  const job = useMemo((): Job => {
    const options: ImportOptions = { defaultRegion, today: todayUtc(), textDates };
    const optionsKey = importOptionsKey(options);
    const bulk = (known: VerdictCache | null, pending: GridCells[]): Job => ({
      kind: "bulk",
      cache: known,
      pending,
      options,
      birthProfile: (known ?? cacheRef.current)?.profile.birth ?? "none",
    });
    let cache = cacheRef.current?.optionsKey === optionsKey ? cacheRef.current : null;
    if (cache === null && rows.length > SYNC_VALIDATION_LIMIT) return bulk(null, [...rows]);
    const isNew = cache === null;
    cache ??= { optionsKey, profile: profileColumns(rows), profileRows: rows, verdicts: new WeakMap() };
    const known = cache.verdicts;
    // Every row of profileRows has a verdict, so only rows that joined since can lack one: no need to
    // look up all 100,000 after each edit.
    let missing = isNew
      ? [...rows]
      : changedSpan(cache.profileRows, rows).added.filter((row) => !known.has(row));
    if (missing.length > SYNC_VALIDATION_LIMIT) return bulk(cache, missing);
    // The profile follows every edit, deletion or undo: the document lengths are counted again only
    // for the rows that changed (never all 100,000 per keystroke); a change too wide for that goes to
    // the workers, which profile every row anyway.
    const refresh = refreshProfile(cache.profile, cache.profileRows, rows, SYNC_VALIDATION_LIMIT);
    if (refresh.kind === "too-wide") return bulk(cache, missing);
    if (!refresh.keepVerdicts) {
      cache = { optionsKey, profile: refresh.profile, profileRows: rows, verdicts: new WeakMap() };
      missing = [...rows];
      if (missing.length > SYNC_VALIDATION_LIMIT) return bulk(null, missing);
    } else if (refresh.profile !== cache.profile) {
      cache = { ...cache, profile: refresh.profile, profileRows: rows };
    }
    for (const row of missing) cache.verdicts.set(row, verdictOfRow(row, cache.profile, options));
    cacheRef.current = cache;
    return { kind: "ready", cache, options };
  }, [rows, defaultRegion, textDates, settled]);

  // The workers start (and warm up) with the page, and know the options a paste will be checked under.
  useEffect(() => {
    getValidationPool().prepare({ defaultRegion, today: todayUtc(), textDates });
  }, [defaultRegion, textDates]);

  useEffect(() => {
    if (job.kind !== "bulk") return;
    let cancelled = false;
    const pool = getValidationPool();
    const { options } = job;
    (async () => {
      let cache: VerdictCache;
      let checked: readonly GridCells[];
      let verdicts: readonly RowVerdict[];
      // A paste into the empty grid was validated while it was read: take that, whole.
      const underWay = pool.validationUnderWay(rows, options);
      if (underWay !== null) {
        const result = await underWay;
        if (cancelled) return;
        cache = freshCache(options, rows, result.profile, result.duplicates);
        checked = rows;
        verdicts = result.verdicts;
      } else {
        const { profile, duplicates } = await pool.profile(rows);
        if (cancelled) return;
        const keep = job.cache !== null && sameDecisions(job.cache.profile, profile);
        cache = keep
          ? {
              ...(job.cache as VerdictCache),
              profile,
              profileRows: rows,
              duplicates: { rows, map: duplicates },
            }
          : freshCache(options, rows, profile, duplicates);
        checked = keep ? job.pending : rows;
        verdicts = await pool.validate(checked, profile, options);
        if (cancelled) return;
      }
      if (checked === rows) {
        // Every row checked: by position now, in the WeakMap in idle time (see verdictsToRemember).
        cache.rowVerdicts = { rows, verdicts };
        cache.verdictsToRemember = { rows, verdicts, into: cache.verdicts, remembered: 0 };
      } else {
        for (const [index, row] of checked.entries()) cache.verdicts.set(row, verdicts[index] as RowVerdict);
      }
      cacheRef.current = cache;
      setSettled((count) => count + 1);
    })().catch((error: unknown) => {
      // A worker that fails must not leave the grid busy forever: validate here instead, slowly.
      console.error("[grid validation] worker failed; validating on the main thread", error);
      if (cancelled) return;
      const cache = freshCache(options, rows, profileColumns(rows));
      for (const row of rows) cache.verdicts.set(row, verdictOfRow(row, cache.profile, options));
      cacheRef.current = cache;
      setSettled((count) => count + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [job, rows]);

  // After the workers checked a big change, the page reads the rows' repeat-check keys in idle time:
  // otherwise the first edit would read all of them at once (~0.2 s at 100,000 rows).
  const repeatsToPrime =
    job.kind === "ready" &&
    job.cache.duplicates?.rows === rows &&
    job.cache.duplicates.keys === undefined &&
    rows.length > SYNC_VALIDATION_LIMIT
      ? job.cache.duplicates
      : null;
  // The caches that follow edits share the batch (and its WeakMap): one run per batch of verdicts.
  const verdictsToRemember = job.kind === "ready" ? job.cache.verdictsToRemember : undefined;
  useEffect(() => {
    if (verdictsToRemember === undefined) return;
    const pending = verdictsToRemember;
    return runInIdleSlices(pending.rows.slice(pending.remembered), KEY_PRIMING_SLICE_ROWS, (slice) => {
      for (const row of slice) {
        pending.into.set(row, pending.verdicts[pending.remembered] as RowVerdict);
        pending.remembered += 1;
      }
    });
  }, [verdictsToRemember]);
  useEffect(() => {
    if (repeatsToPrime === null) return;
    const keys: RowKeys[] = [];
    return runInIdleSlices(repeatsToPrime.rows, KEY_PRIMING_SLICE_ROWS, (slice) => {
      for (const rowKeys of rowKeysOf(slice)) keys.push(rowKeys);
      if (keys.length === repeatsToPrime.rows.length) repeatsToPrime.keys = keys;
    });
  }, [repeatsToPrime]);

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
    return summariseVerdicts(
      rows,
      rowVerdictsOf(job.cache, rows, job.options),
      currentDuplicates(job.cache, rows),
    );
  }, [rows, job]);

  return {
    validation,
    isValidating: job.kind === "bulk",
    birthProfile: job.kind === "ready" ? job.cache.profile.birth : job.birthProfile,
  };
}
