/**
 * Runs in the database, once their rows are in (storing them is run-upload-store.ts): each chunk's
 * answers stored as they arrive, the run started, cancelled, finished, interrupted and resumed. The
 * engine (engine.ts) drives the sending; this module only reads and writes.
 */
import "server-only";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { type Db, queryRows } from "@/lib/db/database";
import { type ChunkState, type RunState, runChunks, runs } from "@/lib/db/schema";
import type { RowResult } from "@/lib/humanos/results";
import { MAX_SUBJECTS_PER_REQUEST } from "@/lib/humanos/schemas";
import type { PreparedChunk } from "@/lib/humanos/send-chunk";
import { NOT_SENT } from "@/lib/humanos/statuses";
import { cancelledAnswers, chunkAnswersOf, statusCountsOf } from "./chunk-answers";
import { closeAbandonedUpload } from "./run-upload-store";

export interface RunRecord {
  id: string;
  state: RunState;
  createdBy: string;
  workerId: string | null;
}

export async function getRunRecord(db: Db, runId: string): Promise<RunRecord | undefined> {
  const [row] = await db
    .select({ id: runs.id, state: runs.state, createdBy: runs.createdBy, workerId: runs.workerId })
    .from(runs)
    .where(eq(runs.id, runId));
  return row;
}

/**
 * Starts sending a draft run (its rows may still be arriving). Returns false when the run was not a
 * draft (a double click, or another instance started it): only one caller ever starts a run.
 */
export async function markRunStarted(db: Db, runId: string, workerId: string): Promise<boolean> {
  const claimed = await db
    .update(runs)
    .set({ state: "running", workerId, heartbeatAt: sql`now()`, startedAt: sql`now()` })
    .where(and(eq(runs.id, runId), eq(runs.state, "draft")))
    .returning({ id: runs.id });
  return claimed.length > 0;
}

export interface ChunkToSend extends PreparedChunk {
  chunkIndex: number;
  idempotencyKey: string;
}

/**
 * Chunks still to send, in order, leaving out those this sender has already taken. Each one's body
 * is put together in the database from its rows' stored JSON: the same bytes as the first time
 * (and as JSON.stringify of the parsed subjects), without parsing and re-serialising every row.
 */
export async function loadChunksToSend(
  db: Db,
  runId: string,
  taken: ReadonlySet<number> = new Set(),
): Promise<ChunkToSend[]> {
  const chunks = await queryRows<{
    chunk_index: number;
    idempotency_key: string;
    body: string;
    rows: Array<[number, string, string | null]>;
  }>(
    db,
    sql`SELECT c.chunk_index, c.idempotency_key,
          '[' || string_agg(r.input, ',' ORDER BY r.row_index) || ']' AS body,
          json_agg(json_build_array(r.row_index, r.contact, r.internal_id) ORDER BY r.row_index) AS rows
        FROM run_chunks c
        JOIN run_rows r ON r.run_id = c.run_id AND r.chunk_index = c.chunk_index
          AND r.row_index >= c.chunk_index * ${MAX_SUBJECTS_PER_REQUEST}
          AND r.row_index < (c.chunk_index + 1) * ${MAX_SUBJECTS_PER_REQUEST}
        WHERE c.run_id = ${runId} AND c.state = 'pending'
          AND c.chunk_index <> ALL(${`{${[...taken].join(",")}}`}::int[])
        GROUP BY c.chunk_index, c.idempotency_key
        ORDER BY c.chunk_index`,
  );
  return chunks.map((chunk) => ({
    chunkIndex: chunk.chunk_index,
    idempotencyKey: chunk.idempotency_key,
    body: chunk.body,
    rows: chunk.rows.map(([rowIndex, contact, internalId]) =>
      internalId === null ? { rowIndex, contact } : { rowIndex, contact, internalId },
    ),
  }));
}

/** Which state a chunk ends in, read from its rows' results (all rows of a chunk share one outcome). */
export function chunkStateOf(results: readonly RowResult[]): ChunkState {
  const first = results[0];
  if (!first || first.status !== NOT_SENT) return "answered";
  if (first.notSentReason === "rejected") return "refused";
  if (first.notSentReason === "cancelled") return "cancelled";
  return "unknown";
}

/**
 * Stores one chunk's results (its answers, one jsonb value) and its new state in one statement, and
 * returns the run's state: anything but "running" (a cancel, possibly from another console
 * instance) tells the engine to take no new chunk. The run's row is only read: the engine's heartbeat
 * timer shows it alive (rewriting the run's row for every chunk was a write per request). Answers
 * recorded twice (two instances sending one run after a stale heartbeat) keep the newer ones.
 */
export async function recordChunkResults(
  db: Db,
  runId: string,
  chunkIndex: number,
  results: readonly RowResult[],
): Promise<RunState | undefined> {
  const answers = chunkAnswersOf(results);
  const attempts = Math.max(0, ...results.map((result) => result.attempts));
  const [run] = await queryRows<{ state: RunState }>(
    db,
    sql`
    WITH chunk AS (
      UPDATE run_chunks SET state = ${chunkStateOf(results)}, attempts = attempts + ${attempts},
        status_counts = ${JSON.stringify(statusCountsOf(answers))}::jsonb,
        answers = ${JSON.stringify(answers)}::jsonb, updated_at = now()
      WHERE run_id = ${runId} AND chunk_index = ${chunkIndex}
      RETURNING 1
    )
    SELECT state FROM runs WHERE id = ${runId}`,
  );
  return run?.state;
}

/**
 * The sender's sign of life. Given `workerId`, only while that worker owns the run: a sender that
 * looked dead and whose run another instance resumed must not keep the run's heartbeat fresh for it.
 */
export async function touchRunHeartbeat(db: Db, runId: string, workerId?: string): Promise<void> {
  await db
    .update(runs)
    .set({ heartbeatAt: sql`now()` })
    .where(and(eq(runs.id, runId), workerId === undefined ? undefined : eq(runs.workerId, workerId)));
}

/**
 * Ends a run its sender has finished with: chunks never sent become "cancelled" (when cancelled), and
 * the run gets its final state. Only a live run (running or cancelling) is ended, and, given
 * `workerId`, only by the worker that owns it: a run marked interrupted while its sender was still
 * going (a stale heartbeat), and perhaps resumed by another instance since, keeps the state the others
 * gave it. Returns whether the run was ended.
 */
export async function finishRun(
  db: Db,
  runId: string,
  state: "completed" | "cancelled",
  workerId?: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The same lock as storeRowSlice: rows arriving after a cancel are either cancelled here or there.
    // A row changed meanwhile (a resume) is checked again once the lock is had.
    const owned = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM runs WHERE id = ${runId} AND state IN ('running', 'cancelling')
            ${workerId === undefined ? sql`` : sql`AND worker_id = ${workerId}`}
          FOR UPDATE`,
    );
    if (owned.length === 0) return false;
    if (state === "cancelled") {
      await tx.execute(sql`
        UPDATE run_chunks c SET state = 'cancelled',
          status_counts = jsonb_build_object(${NOT_SENT}::text, c.row_count),
          answers = (SELECT ${cancelledAnswers("r")} FROM run_rows r
                     WHERE r.run_id = c.run_id AND r.chunk_index = c.chunk_index
                       AND r.row_index >= c.chunk_index * ${MAX_SUBJECTS_PER_REQUEST}
                       AND r.row_index < (c.chunk_index + 1) * ${MAX_SUBJECTS_PER_REQUEST}),
          updated_at = now()
        WHERE c.run_id = ${runId} AND c.state = 'pending'`);
    }
    await tx
      .update(runs)
      .set({ state, finishedAt: sql`now()`, heartbeatAt: sql`now()` })
      .where(eq(runs.id, runId));
    return true;
  });
}

/** Asks a live run to stop taking new chunks. True when the run was live. */
export async function requestCancel(db: Db, runId: string): Promise<boolean> {
  const updated = await db
    .update(runs)
    .set({ state: "cancelling" })
    .where(and(eq(runs.id, runId), eq(runs.state, "running")))
    .returning({ id: runs.id });
  return updated.length > 0;
}

/**
 * Claims a stopped run for resuming: every chunk without a recorded answer goes back to "pending"
 * (same Idempotency-Key) and loses its provisional outcome. Records when this sending began and how
 * many rows keep their outcome (refused on arrival, or in an answered chunk: the run's doneRows once
 * the others are cleared), for a rate over this sending only. False when the run is live (someone
 * else resumed it first) or has nothing left to send.
 */
export async function claimRunForResume(db: Db, runId: string, workerId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(runs)
      .set({
        state: "running",
        workerId,
        heartbeatAt: sql`now()`,
        finishedAt: null,
        resumedAt: sql`now()`,
        rowsDoneAtResume: sql`refused_rows + coalesce((SELECT sum(c.row_count) FROM run_chunks c
          WHERE c.run_id = ${runId} AND c.state = 'answered'), 0)::int`,
      })
      .where(
        and(
          eq(runs.id, runId),
          inArray(runs.state, ["interrupted", "cancelled", "completed"]),
          eq(runs.uploadComplete, true),
          sql`EXISTS (SELECT 1 FROM run_chunks c WHERE c.run_id = ${runId} AND c.state <> 'answered')`,
        ),
      )
      .returning({ id: runs.id });
    if (claimed.length === 0) return false;
    await tx
      .update(runChunks)
      .set({ state: "pending", statusCounts: null, answers: null, updatedAt: sql`now()` })
      .where(and(eq(runChunks.runId, runId), sql`${runChunks.state} <> 'answered'`));
    return true;
  });
}

/**
 * At start-up: runs that were being sent by a process that is gone become "interrupted".
 * `staleBefore`: a run whose last heartbeat is older belongs to a dead process (several instances
 * share a PostgreSQL database); with PGlite this process is the only one, so every live run is.
 */
export async function markInterruptedRuns(db: Db, staleBefore?: Date): Promise<number> {
  const updated = await db
    .update(runs)
    .set({ state: "interrupted" })
    .where(
      and(
        inArray(runs.state, ["running", "cancelling"]),
        staleBefore
          ? or(isNull(runs.heartbeatAt), sql`${runs.heartbeatAt} < ${staleBefore.toISOString()}`)
          : undefined,
      ),
    )
    .returning({ id: runs.id, uploadComplete: runs.uploadComplete });
  // An upload in progress cannot go on either: the run keeps, and can send, the rows it received.
  for (const run of updated) if (!run.uploadComplete) await closeAbandonedUpload(db, run.id);
  return updated.length;
}

export async function markRunInterrupted(db: Db, runId: string, workerId?: string): Promise<void> {
  const [run] = await db
    .update(runs)
    .set({ state: "interrupted" })
    .where(
      and(
        eq(runs.id, runId),
        inArray(runs.state, ["running", "cancelling"]),
        // Given, only the run's own sender: another instance may have resumed it meanwhile.
        workerId === undefined ? undefined : eq(runs.workerId, workerId),
      ),
    )
    .returning({ uploadComplete: runs.uploadComplete });
  if (run && !run.uploadComplete) await closeAbandonedUpload(db, runId);
}
