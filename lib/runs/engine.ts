/**
 * Sends a stored run, chunk by chunk, in this server process: it keeps going when the browser tab
 * closes, stores each chunk's answers as they come, and stops taking new chunks when the run is
 * cancelled (from this instance or another one sharing the database). A process that dies mid-run
 * leaves chunks "in-flight"; the run is marked interrupted at the next start and can be resumed.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/database";
import { crashedMessage, notSentRows } from "@/lib/humanos/chunk-outcomes";
import type { RowResult } from "@/lib/humanos/results";
import { type SendContext, sendChunk } from "@/lib/humanos/send-chunk";
import {
  type ChunkToSend,
  claimChunkForSending,
  finishRun,
  loadChunksToSend,
  markRunInterrupted,
  recordChunkResults,
  touchRunHeartbeat,
} from "./run-store";

export type EngineSendContext = Omit<SendContext, "signal" | "stopRetrying">;

export interface EngineDeps {
  db: Db;
  send: EngineSendContext;
  /** Chunks in flight at once for one run. */
  concurrency: number;
}

/** How often a sending run proves its process is alive, for interrupted-run detection. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
/** A run whose heartbeat is older than this was left by a process that is gone. */
export const STALE_HEARTBEAT_MS = 6 * HEARTBEAT_INTERVAL_MS;

interface ActiveRun {
  stop: AbortController;
  done: Promise<void>;
}

const GLOBAL_KEY = "__humanosRunEngine";
type Registry = { workerId: string; active: Map<string, ActiveRun> };
type Holder = typeof globalThis & { [GLOBAL_KEY]?: Registry };

function registry(): Registry {
  const holder = globalThis as Holder;
  holder[GLOBAL_KEY] ??= { workerId: `${process.pid}-${randomUUID()}`, active: new Map() };
  return holder[GLOBAL_KEY];
}

/** Identifies this process in runs.worker_id. */
export function engineWorkerId(): string {
  return registry().workerId;
}

export function isRunActiveHere(runId: string): boolean {
  return registry().active.has(runId);
}

/**
 * Starts sending a run that was just sealed or claimed for resume (state "running"). Returns at
 * once; `done` settles when the run has finished, been cancelled, or failed.
 */
export function startSending(deps: EngineDeps, runId: string): { done: Promise<void> } {
  const runs = registry().active;
  const existing = runs.get(runId);
  if (existing) return { done: existing.done };
  const stop = new AbortController();
  const done = sendRun(deps, runId, stop.signal)
    .catch(async (error) => {
      // The database went away mid-run, or a bug: the run must not stay "running" forever.
      console.error(`[runs] run ${runId} stopped by an error; marking it interrupted`, error);
      await markRunInterrupted(deps.db, runId).catch(() => {});
    })
    .finally(() => runs.delete(runId));
  runs.set(runId, { stop, done });
  return { done };
}

/** Stops retries of this instance's chunks at once; the cancel itself is recorded in the database. */
export function stopRetryingHere(runId: string): void {
  registry().active.get(runId)?.stop.abort();
}

/** Waits for every run this process is sending (tests, graceful shutdown). */
export async function settleActiveRuns(): Promise<void> {
  await Promise.all([...registry().active.values()].map((run) => run.done));
}

async function sendRun(deps: EngineDeps, runId: string, stop: AbortSignal): Promise<void> {
  const chunks = await loadChunksToSend(deps.db, runId);
  let next = 0;
  let stopped = false;
  const heartbeat = setInterval(() => {
    touchRunHeartbeat(deps.db, runId).catch(() => {});
  }, HEARTBEAT_INTERVAL_MS);
  heartbeat.unref?.();

  const worker = async () => {
    while (!stopped && !stop.aborted && next < chunks.length) {
      const chunk = chunks[next++];
      if (!chunk) return;
      const state = await claimChunkForSending(deps.db, runId, chunk.chunkIndex);
      if (state !== "running") {
        stopped = true;
        return;
      }
      const results = await sendStoredChunk(deps.send, chunk, stop);
      await recordChunkResults(deps.db, runId, chunk.chunkIndex, results);
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(deps.concurrency, chunks.length)) }, worker));
  } finally {
    clearInterval(heartbeat);
  }
  await finishRun(deps.db, runId, stopped || stop.aborted ? "cancelled" : "completed");
}

async function sendStoredChunk(
  send: EngineSendContext,
  chunk: ChunkToSend,
  stop: AbortSignal,
): Promise<RowResult[]> {
  try {
    return await sendChunk(
      chunk.rows,
      { ...send, stopRetrying: stop },
      { idempotencyKey: chunk.idempotencyKey },
    );
  } catch (error) {
    // sendChunk handles API and network trouble itself; this is our own bug, and no row may vanish.
    return notSentRows(chunk.rows, "no-answer", crashedMessage(error), 0);
  }
}
