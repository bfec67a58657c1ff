"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { RowFilter, RunRowsPage } from "@/lib/runs/run-types";
import { runPaths } from "./format";

export interface RowsQuery {
  filter: RowFilter;
  offset: number;
  limit: number;
  /** Changes whenever the run may have new answers (so the same page is read again). */
  version: string;
  /** Whether the run is live: a page the server called final is kept while it is. */
  live: boolean;
  /**
   * The run has stopped and none of its answers can change any more (Resume has nothing to send):
   * a page that was final while it was live is kept, not read and drawn again at the very end.
   */
  settled: boolean;
}

export type LoadedPage = { query: RowsQuery; page: RunRowsPage };

function keyOf(query: RowsQuery): string {
  return `${query.filter}|${query.offset}|${query.limit}|${query.version}`;
}

/**
 * Whether the loaded page answers `query`: it was read for it, or it is a live run's final page
 * (no answer to come can change it) for the same filter, offset and size, and the run is still live
 * or has settled. (A run stopped with rows left to resume reads it again: Resume replaces the
 * answers of the requests it sends again.)
 */
export function answersQuery(loaded: LoadedPage | null, query: RowsQuery): boolean {
  if (!loaded) return false;
  if (keyOf(loaded.query) === keyOf(query)) return true;
  const samePage =
    loaded.query.filter === query.filter &&
    loaded.query.offset === query.offset &&
    loaded.query.limit === query.limit;
  return samePage && loaded.query.live && loaded.page.final && (query.live || query.settled);
}

/**
 * One page of a run's rows from GET /api/runs/[id]/rows. One request at a time: while one is in
 * flight, only the newest query waits behind it (a live run changes every second; requests must
 * not pile up). `isCurrent` says whether what is shown answers the newest query.
 */
export function useRunRows(runId: string, query: RowsQuery) {
  const [loaded, setLoaded] = useState<LoadedPage | null>(null);
  const latest = useRef<LoadedPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const waiting = useRef<RowsQuery | null>(null);
  const mounted = useRef(true);

  const load = useCallback(
    async (wanted: RowsQuery): Promise<void> => {
      if (inFlight.current) {
        waiting.current = wanted;
        return;
      }
      inFlight.current = true;
      try {
        const response = await fetch(runPaths.rows(runId, wanted), { cache: "no-store" });
        if (!response.ok) {
          throw new Error(
            response.status === 404 ? "this run no longer exists" : `the console answered ${response.status}`,
          );
        }
        const page = (await response.json()) as RunRowsPage;
        if (mounted.current) {
          latest.current = { query: wanted, page };
          setLoaded(latest.current);
          setError(null);
        }
      } catch (caught) {
        if (mounted.current)
          setError(caught instanceof Error ? caught.message : "the console did not answer");
      } finally {
        inFlight.current = false;
        const next = waiting.current;
        waiting.current = null;
        if (next && mounted.current) void load(next);
      }
    },
    [runId],
  );

  const { filter, offset, limit, version, live, settled } = query;
  useEffect(() => {
    const wanted = { filter, offset, limit, version, live, settled };
    // Each read of a live run's page costs the sending its database and CPU: a final one is kept.
    if (answersQuery(latest.current, wanted)) return;
    void load(wanted);
  }, [load, filter, offset, limit, version, live, settled]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  return {
    page: loaded?.page ?? null,
    isCurrent: answersQuery(loaded, query),
    error,
    retry: () => void load(query),
  };
}
