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
  finishRun,
  loadChunksToSend,
  markRunInterrupted,
  recordChunkResults,
  touchRunHeartbeat,
} from "./run-store";
import { closeAbandonedUpload, getUploadState } from "./run-upload-store";
import { processSendGate, takeTurnToSend, throughGate } from "./send-gate";

export type EngineSendContext = Omit<SendContext, "signal" | "stopRetrying">;

export interface EngineDeps {
  db: Db;
  send: EngineSendContext;
  /** Requests in flight at once for this whole process, shared by every run it sends. */
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
type Registry = {
  workerId: string;
  active: Map<string, ActiveRun>;
  /** Senders waiting for the next slice of a run's rows. */
  rowWaiters: Map<string, Set<() => void>>;
};

/**
 * Resolves when a run this process is sending has ended, or after `ms`, whichever comes first: lets
 * a progress read wait for news instead of the browser polling on a fixed beat, so the end of a run
 * shows at once. (A run sent by another instance simply waits the full `ms`.)
 */
export async function waitForRunEnd(runId: string, ms: number): Promise<void> {
  const active = registry().active.get(runId);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([elapsed, active ? active.done : elapsed]);
  } finally {
    clearTimeout(timer);
  }
}
type Holder = typeof globalThis & { [GLOBAL_KEY]?: Registry };

function registry(): Registry {
  const holder = globalThis as Holder;
  holder[GLOBAL_KEY] ??= {
    workerId: `${process.pid}-${randomUUID()}`,
    active: new Map(),
    rowWaiters: new Map(),
  };
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
      await markRunInterrupted(deps.db, runId, engineWorkerId()).catch(() => {});
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

/** An upload that sends no slice for this long is taken as abandoned (the tab closed mid-upload). */
export const UPLOAD_IDLE_TIMEOUT_MS = 60_000;
/** How often a sender waiting for rows looks again when no in-process signal comes (another instance stores them). */
const ROWS_POLL_MS = 100;

async function sendRun(deps: EngineDeps, runId: string, stop: AbortSignal): Promise<void> {
  const { db } = deps;
  const taken = new Set<number>();
  const queue: ChunkToSend[] = [];
  let uploadComplete = false;
  let receivedThrough = Number.NaN;
  let lastArrival = Date.now();
  let stopped = false;
  let refilling: Promise<void> | undefined;

  // The upload state is read before the chunks: once it says complete, every chunk already exists.
  const refill = async () => {
    const upload = await getUploadState(db, runId);
    for (const chunk of await loadChunksToSend(db, runId, taken)) {
      taken.add(chunk.chunkIndex);
      queue.push(chunk);
    }
    if (upload.receivedThrough !== receivedThrough) lastArrival = Date.now();
    receivedThrough = upload.receivedThrough;
    uploadComplete = upload.complete;
  };

  const nextChunk = async (): Promise<ChunkToSend | undefined> => {
    for (;;) {
      if (stopped || stop.aborted) return undefined;
      const ready = queue.shift();
      if (ready) return ready;
      refilling ??= refill().finally(() => {
        refilling = undefined;
      });
      await refilling;
      if (queue.length > 0) continue;
      if (uploadComplete) return undefined;
      if (Date.now() - lastArrival > UPLOAD_IDLE_TIMEOUT_MS) {
        console.warn(
          `[runs] run ${runId}: no rows for ${UPLOAD_IDLE_TIMEOUT_MS / 1000} s; sending what arrived`,
        );
        await closeAbandonedUpload(db, runId);
        continue;
      }
      await waitForRows(runId, ROWS_POLL_MS);
    }
  };

  const heartbeat = setInterval(() => {
    touchRunHeartbeat(db, runId, engineWorkerId()).catch(() => {});
  }, HEARTBEAT_INTERVAL_MS);
  heartbeat.unref?.();

  // The permits and the 429 pause are the process's: several runs share HUMANOS_CONCURRENCY.
  const gate = processSendGate(Math.max(1, deps.concurrency));
  const send = throughGate(deps.send, gate, stop);
  const worker = async () => {
    for (let chunk = await nextChunk(); chunk; chunk = await nextChunk()) {
      const release = await takeTurnToSend(gate, runId, deps.send.now, stop);
      // Cancelled while waiting for a turn: the chunk stays pending and finishRun cancels it.
      if (!release || stopped) {
        release?.();
        return;
      }
      let results: RowResult[];
      try {
        results = await sendStoredChunk(send, chunk, stop);
      } finally {
        // The answer is in: another run may send while this one stores it.
        release();
      }
      // The state comes back with the write: a cancel recorded by any instance stops new chunks.
      if ((await recordChunkResults(db, runId, chunk.chunkIndex, results)) !== "running") stopped = true;
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.max(1, deps.concurrency) }, worker));
  } finally {
    clearInterval(heartbeat);
  }
  // Only while this process still owns the run: one another instance resumed meanwhile is theirs to end.
  await finishRun(db, runId, stopped || stop.aborted ? "cancelled" : "completed", engineWorkerId());
}

/** Wakes a sender waiting for rows as soon as this process stores a slice of its run. */
export function notifyRowsStored(runId: string): void {
  const waiting = registry().rowWaiters.get(runId);
  registry().rowWaiters.delete(runId);
  for (const wake of waiting ?? []) wake();
}

function waitForRows(runId: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const waiters = registry().rowWaiters;
    const wake = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      waiters.get(runId)?.delete(wake);
      resolve();
    }, ms);
    waiters.set(runId, (waiters.get(runId) ?? new Set()).add(wake));
  });
}

async function sendStoredChunk(
  send: EngineSendContext,
  chunk: ChunkToSend,
  stop: AbortSignal,
): Promise<RowResult[]> {
  try {
    return await sendChunk(chunk, { ...send, stopRetrying: stop }, { idempotencyKey: chunk.idempotencyKey });
  } catch (error) {
    // sendChunk handles API and network trouble itself; this is our own bug, and no row may vanish.
    return notSentRows(chunk.rows, "no-answer", crashedMessage(error), 0);
  }
}
