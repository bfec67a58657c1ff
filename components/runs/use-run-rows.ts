"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { RowFilter, RunRowsPage } from "@/lib/runs/run-types";
import { runPaths } from "./format";

interface RowsQuery {
  filter: RowFilter;
  offset: number;
  limit: number;
  /** Changes whenever the run may have new answers (so the same page is read again). */
  version: string;
}

type Loaded = { key: string; page: RunRowsPage } | null;

function keyOf(query: RowsQuery): string {
  return `${query.filter}|${query.offset}|${query.limit}|${query.version}`;
}

/**
 * One page of a run's rows from GET /api/runs/[id]/rows. One request at a time: while one is in
 * flight, only the newest query waits behind it (a live run changes twice a second; requests must
 * not pile up). `isCurrent` says whether what is shown answers the newest query.
 */
export function useRunRows(runId: string, query: RowsQuery) {
  const [loaded, setLoaded] = useState<Loaded>(null);
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
          setLoaded({ key: keyOf(wanted), page });
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

  const { filter, offset, limit, version } = query;
  useEffect(() => {
    void load({ filter, offset, limit, version });
  }, [load, filter, offset, limit, version]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  return {
    page: loaded?.page ?? null,
    isCurrent: loaded?.key === keyOf(query),
    error,
    retry: () => void load(query),
  };
}
