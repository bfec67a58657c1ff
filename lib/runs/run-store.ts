/**
 * Runs in the database: every row stored before anything is sent, each chunk's answers stored as
 * they arrive. The engine (engine.ts) drives the sending; this module only reads and writes.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "@/lib/db/database";
import { type ChunkState, type RunState, runChunks, runs } from "@/lib/db/schema";
import type { RowResult } from "@/lib/humanos/results";
import type { Subject } from "@/lib/humanos/schemas";
import { MAX_SUBJECTS_PER_REQUEST } from "@/lib/humanos/schemas";
import type { PreparedChunk } from "@/lib/humanos/send-chunk";
import { NOT_SENT } from "@/lib/humanos/statuses";
import { cancelledAnswers, chunkAnswersOf, statusCountsOf } from "./chunk-answers";

export interface NewRun {
  createdBy: string;
  source: string;
  apiTarget: string;
  parentRunId?: string;
  totalRows: number;
}

export async function createDraftRun(db: Db, run: NewRun): Promise<string> {
  const id = randomUUID();
  await db.insert(runs).values({
    id,
    createdBy: run.createdBy,
    source: run.source,
    apiTarget: run.apiTarget,
    parentRunId: run.parentRunId ?? null,
    state: "draft",
    totalRows: run.totalRows,
  });
  return id;
}

/** A row to store: either a valid subject to send, or one the server refused, kept with its reason. */
export type RowToStore =
  | { rowIndex: number; subject: Subject }
  | { rowIndex: number; refused: { input: unknown; contact: string; internalId?: string; message: string } };

/**
 * Rows per INSERT: a whole slice of the browser's upload (MAX_ROWS_PER_APPEND) in one statement.
 * Each statement costs PGlite a fixed round trip (≈ 1 ms) besides its rows; one insert of 1,000
 * rows measured 28–42 ms against 33–56 ms for two of 500.
 */
const INSERT_BATCH = 1000;
/** A refused row's input is kept for the operator to fix, but not without bound. */
const MAX_REFUSED_INPUT_CHARS = 20_000;

export type StoreSliceOutcome = { ok: true } | { ok: false; reason: string };

/** States in which a run still takes rows: before it starts, and while it sends (or was just cancelled). */
const RECEIVING_STATES: readonly RunState[] = ["draft", "running", "cancelling", "cancelled"];

/**
 * Stores one slice of a run's rows. Slices come in increasing row order; each chunk whose rows are
 * now all stored (or every chunk, with the last slice) gets its Idempotency-Key and becomes
 * sendable: a row is never sent before it is stored, and sending can start after the first slice.
 * The run row is locked meanwhile, so a slice and a cancel or resume never interleave.
 */
export async function storeRowSlice(
  db: Db,
  runId: string,
  rows: readonly RowToStore[],
  options: { last: boolean },
): Promise<StoreSliceOutcome> {
  return db.transaction(async (tx) => {
    const [run] = await queryRows<{ state: RunState; upload_complete: boolean; received_through: number }>(
      tx,
      sql`SELECT state, upload_complete, received_through FROM runs WHERE id = ${runId} FOR UPDATE`,
    );
    if (!run) return { ok: false, reason: "No such run." };
    if (run.upload_complete || !RECEIVING_STATES.includes(run.state)) {
      return {
        ok: false,
        reason: "This run takes no more rows: its upload is complete or it was interrupted.",
      };
    }
    const indices = rows.map((row) => row.rowIndex);
    const first = Math.min(...indices);
    if (rows.length > 0 && first <= run.received_through) {
      return {
        ok: false,
        reason: `Rows must arrive in order: row ${first + 1} comes after row ${run.received_through + 1}, which is already stored.`,
      };
    }
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const records = rows.slice(start, start + INSERT_BATCH).map(rowRecord);
      // One JSON parameter instead of thousands of bound values: much cheaper to plan and to bind.
      await tx.execute(sql`
        INSERT INTO run_rows (run_id, row_index, chunk_index, input, contact, internal_id, refusal)
        SELECT ${runId}::uuid, v.row_index, v.chunk_index, v.input, v.contact, v.internal_id, v.refusal
        FROM json_to_recordset(${JSON.stringify(records)}::json) AS v(
          row_index int, chunk_index int, input text, contact text, internal_id text, refusal text)`);
    }
    const receivedThrough = rows.length > 0 ? Math.max(...indices) : run.received_through;
    // Chunks from the one the previous slice may have left open up to the last complete one.
    const fromChunk = chunkIndexOf(run.received_through + 1);
    const throughChunk = options.last ? LAST_CHUNK_INDEX : chunkIndexOf(receivedThrough + 1) - 1;
    const cancelled = run.state === "cancelled";
    if (throughChunk >= fromChunk) {
      // A run cancelled while rows were still arriving: its new chunks are recorded, never sent.
      await tx.execute(sql`
        INSERT INTO run_chunks (run_id, chunk_index, idempotency_key, state, row_count, status_counts, answers)
        SELECT ${runId}::uuid, r.chunk_index, gen_random_uuid(), ${cancelled ? "cancelled" : "pending"}, count(*),
          ${cancelled ? sql`jsonb_build_object(${NOT_SENT}::text, count(*)), ${cancelledAnswers("r")}` : sql`NULL, NULL`}
        FROM run_rows r
        WHERE r.run_id = ${runId} AND ${inChunks(fromChunk, throughChunk)} AND r.chunk_index IS NOT NULL
        GROUP BY r.chunk_index
        ON CONFLICT DO NOTHING`);
    }
    const refused = rows.filter((row) => "refused" in row).length;
    await tx.execute(sql`
      UPDATE runs SET received_through = ${receivedThrough}, refused_rows = refused_rows + ${refused}
      WHERE id = ${runId}`);
    // The last slice may come early (the browser's upload failed, or the tab is going away): the run
    // then records how many of the rows it was told about never came.
    if (options.last) await completeUpload(tx, runId);
    return { ok: true };
  });
}

/**
 * Ends a run's upload: no more rows will come. total_rows becomes the rows stored (what the counts,
 * progress and results of the run measure), and the rows the browser said it would send but never
 * did are kept in rows_not_received, for the operator to see and send again. Run it inside a
 * transaction holding the run's row lock; an upload already complete is left as it is.
 */
async function completeUpload(tx: Tx, runId: string): Promise<void> {
  await tx.execute(sql`
    UPDATE runs SET upload_complete = true,
      rows_not_received = greatest(runs.total_rows - stored.rows, 0),
      total_rows = stored.rows
    FROM (SELECT count(*)::int AS rows FROM run_rows WHERE run_id = ${runId}) AS stored
    WHERE runs.id = ${runId} AND NOT runs.upload_complete`);
}

function rowRecord(row: RowToStore) {
  if ("subject" in row) {
    return {
      row_index: row.rowIndex,
      chunk_index: chunkIndexOf(row.rowIndex),
      input: JSON.stringify(row.subject),
      contact: row.subject.contact,
      internal_id: row.subject.internalId ?? null,
      refusal: null,
    };
  }
  const input = JSON.stringify(row.refused.input ?? null) ?? "null";
  return {
    row_index: row.rowIndex,
    chunk_index: null,
    input: input.length > MAX_REFUSED_INPUT_CHARS ? "null" : input,
    contact: row.refused.contact,
    internal_id: row.refused.internalId ?? null,
    refusal: row.refused.message,
  };
}

/**
 * The rows of chunks `from` to `through` by their row_index range, which the primary key serves
 * (chunk c holds rows 100c…100c+99; bigint, as `through` may be LAST_CHUNK_INDEX).
 */
function inChunks(from: number, through: number) {
  return sql`row_index >= ${from * MAX_SUBJECTS_PER_REQUEST}::bigint AND row_index < ${(through + 1) * MAX_SUBJECTS_PER_REQUEST}::bigint`;
}

/** Greater than any chunk index (chunk_index is a 32-bit integer column). */
const LAST_CHUNK_INDEX = 2_147_483_647;

/** Rows go in requests by position: row i in request floor(i / 100), whatever rows are not sent. */
export function chunkIndexOf(rowIndex: number): number {
  return Math.floor(rowIndex / MAX_SUBJECTS_PER_REQUEST);
}

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

/** Whether more rows may still arrive (the engine waits for them before it finishes), and how far they got. */
export async function getUploadState(
  db: Db,
  runId: string,
): Promise<{ complete: boolean; receivedThrough: number }> {
  const [run] = await db
    .select({ complete: runs.uploadComplete, receivedThrough: runs.receivedThrough })
    .from(runs)
    .where(eq(runs.id, runId));
  return run ?? { complete: true, receivedThrough: -1 };
}

/**
 * An upload that stopped arriving (the browser went away): the run holds, and can send, what it
 * received, and records how many rows never came.
 */
export async function closeAbandonedUpload(db: Db, runId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [run] = await queryRows<{ received_through: number }>(
      tx,
      sql`SELECT received_through FROM runs WHERE id = ${runId} FOR UPDATE`,
    );
    if (!run) return;
    await tx.execute(sql`
      INSERT INTO run_chunks (run_id, chunk_index, idempotency_key, state, row_count)
      SELECT ${runId}::uuid, chunk_index, gen_random_uuid(), 'pending', count(*)
      FROM run_rows
      WHERE run_id = ${runId} AND ${inChunks(chunkIndexOf(run.received_through + 1) - 1, LAST_CHUNK_INDEX)}
        AND chunk_index IS NOT NULL
      GROUP BY chunk_index
      ON CONFLICT DO NOTHING`);
    await completeUpload(tx, runId);
  });
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

export async function touchRunHeartbeat(db: Db, runId: string): Promise<void> {
  await db.update(runs).set({ heartbeatAt: sql`now()` }).where(eq(runs.id, runId));
}

/** Ends a run: chunks never sent become "cancelled" (when cancelled), and the run gets its final state. */
export async function finishRun(db: Db, runId: string, state: "completed" | "cancelled"): Promise<void> {
  await db.transaction(async (tx) => {
    // The same lock as storeRowSlice: rows arriving after a cancel are either cancelled here or there.
    await tx.execute(sql`SELECT 1 FROM runs WHERE id = ${runId} FOR UPDATE`);
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
 * (same Idempotency-Key) and loses its provisional outcome. False when the run is live
 * (someone else resumed it first) or has nothing left to send.
 */
export async function claimRunForResume(db: Db, runId: string, workerId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(runs)
      .set({ state: "running", workerId, heartbeatAt: sql`now()`, finishedAt: null })
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

export async function markRunInterrupted(db: Db, runId: string): Promise<void> {
  const [run] = await db
    .update(runs)
    .set({ state: "interrupted" })
    .where(and(eq(runs.id, runId), inArray(runs.state, ["running", "cancelling"])))
    .returning({ uploadComplete: runs.uploadComplete });
  if (run && !run.uploadComplete) await closeAbandonedUpload(db, runId);
}
