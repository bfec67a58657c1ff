/**
 * A run's rows arriving from the browser: stored in slices before anything is sent, each chunk made
 * ready to send as its rows are all in, and the upload closed (rows that never came counted) when the
 * last slice arrives or the browser goes away. Sending and the run's lifecycle are run-store.ts.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "@/lib/db/database";
import { type RunState, runs } from "@/lib/db/schema";
import type { Subject } from "@/lib/humanos/schemas";
import { MAX_SUBJECTS_PER_REQUEST } from "@/lib/humanos/schemas";
import { NOT_SENT } from "@/lib/humanos/statuses";
import { cancelledAnswers } from "./chunk-answers";

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
    if (throughChunk >= fromChunk) await createChunks(tx, runId, fromChunk, throughChunk, { cancelled });
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
 * Makes the stored rows of chunks `from` to `through` into chunks (those that exist are left as
 * they are): sendable, or, for a run cancelled while rows were still arriving, recorded as never sent.
 */
async function createChunks(
  tx: Tx,
  runId: string,
  from: number,
  through: number,
  options: { cancelled: boolean },
): Promise<void> {
  const { cancelled } = options;
  await tx.execute(sql`
    INSERT INTO run_chunks (run_id, chunk_index, idempotency_key, state, row_count, status_counts, answers)
    SELECT ${runId}::uuid, r.chunk_index, gen_random_uuid(), ${cancelled ? "cancelled" : "pending"}, count(*),
      ${cancelled ? sql`jsonb_build_object(${NOT_SENT}::text, count(*)), ${cancelledAnswers("r")}` : sql`NULL, NULL`}
    FROM run_rows r
    WHERE r.run_id = ${runId} AND ${inChunks(from, through)} AND r.chunk_index IS NOT NULL
    GROUP BY r.chunk_index
    ON CONFLICT DO NOTHING`);
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
    const [run] = await queryRows<{ state: RunState; received_through: number }>(
      tx,
      sql`SELECT state, received_through FROM runs WHERE id = ${runId} FOR UPDATE`,
    );
    if (!run) return;
    // The chunk the last slice left open, and any after it: as the browser's own last slice would.
    await createChunks(tx, runId, chunkIndexOf(run.received_through + 1) - 1, LAST_CHUNK_INDEX, {
      cancelled: run.state === "cancelled",
    });
    await completeUpload(tx, runId);
  });
}
