/**
 * Runs in the database: every row stored before anything is sent, each chunk's answers stored as
 * they arrive. The engine (engine.ts) drives the sending; this module only reads and writes.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  notInArray,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { type ChunkState, type RunState, runChunks, runRows, runs } from "@/lib/db/schema";
import type { RowResult } from "@/lib/humanos/results";
import type { Subject } from "@/lib/humanos/schemas";
import { MAX_SUBJECTS_PER_REQUEST } from "@/lib/humanos/schemas";
import { NOT_SENT, type RowStatus } from "@/lib/humanos/statuses";
import {
  type FailedRow,
  isLiveState,
  progressOf,
  type RowFilter,
  type RunProgress,
  type RunRowsPage,
  type RunSummary,
} from "./run-types";

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

const INSERT_BATCH = 500;
/** A refused row's input is kept for the operator to fix, but not without bound. */
const MAX_REFUSED_INPUT_CHARS = 20_000;

export async function appendRunRows(db: Db, runId: string, rows: readonly RowToStore[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const values = rows.slice(start, start + INSERT_BATCH).map((row) => {
      if ("subject" in row) {
        return {
          runId,
          rowIndex: row.rowIndex,
          input: JSON.stringify(row.subject),
          contact: row.subject.contact,
          internalId: row.subject.internalId ?? null,
          status: null,
          notSentReason: null,
          message: "",
        };
      }
      const input = JSON.stringify(row.refused.input ?? null) ?? "null";
      return {
        runId,
        rowIndex: row.rowIndex,
        input: input.length > MAX_REFUSED_INPUT_CHARS ? "null" : input,
        contact: row.refused.contact,
        internalId: row.refused.internalId ?? null,
        status: NOT_SENT,
        notSentReason: "invalid",
        message: row.refused.message,
      };
    });
    // A slice sent twice (the browser retried after a lost answer) replaces itself, never duplicates.
    await db
      .insert(runRows)
      .values(values)
      .onConflictDoUpdate({
        target: [runRows.runId, runRows.rowIndex],
        set: {
          input: sql`excluded.input`,
          contact: sql`excluded.contact`,
          internalId: sql`excluded.internal_id`,
          status: sql`excluded.status`,
          notSentReason: sql`excluded.not_sent_reason`,
          message: sql`excluded.message`,
        },
      });
  }
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
 * Turns a draft into a run ready to send: rows to send get consecutive chunks of ≤ 100 in input
 * order, each chunk a fresh Idempotency-Key. Returns false when the run was not a draft (already
 * started by a double click or another instance): only one caller ever seals a run.
 */
export async function sealDraftRun(db: Db, runId: string, workerId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(runs)
      .set({ state: "running", workerId, heartbeatAt: sql`now()`, startedAt: sql`now()` })
      .where(and(eq(runs.id, runId), eq(runs.state, "draft")))
      .returning({ id: runs.id });
    if (claimed.length === 0) return false;
    await tx.execute(sql`
      UPDATE run_rows AS r SET chunk_index = numbered.chunk
      FROM (
        SELECT row_index, ((row_number() OVER (ORDER BY row_index)) - 1) / ${MAX_SUBJECTS_PER_REQUEST} AS chunk
        FROM run_rows WHERE run_id = ${runId} AND status IS NULL
      ) AS numbered
      WHERE r.run_id = ${runId} AND r.row_index = numbered.row_index`);
    await tx.execute(sql`
      INSERT INTO run_chunks (run_id, chunk_index, idempotency_key, state)
      SELECT ${runId}::uuid, chunk_index, gen_random_uuid(), 'pending'
      FROM run_rows WHERE run_id = ${runId} AND chunk_index IS NOT NULL
      GROUP BY chunk_index`);
    await tx.execute(sql`
      UPDATE runs SET total_rows = (SELECT count(*) FROM run_rows WHERE run_id = ${runId})
      WHERE id = ${runId}`);
    return true;
  });
}

export interface ChunkToSend {
  chunkIndex: number;
  idempotencyKey: string;
  rows: Array<{ rowIndex: number; subject: Subject }>;
}

/** Chunks still to send, in order, with their rows as stored (the same bytes as the first time). */
export async function loadChunksToSend(db: Db, runId: string): Promise<ChunkToSend[]> {
  const chunks = await db
    .select({ chunkIndex: runChunks.chunkIndex, idempotencyKey: runChunks.idempotencyKey })
    .from(runChunks)
    .where(and(eq(runChunks.runId, runId), eq(runChunks.state, "pending")))
    .orderBy(asc(runChunks.chunkIndex));
  if (chunks.length === 0) return [];
  const rows = await db
    .select({ rowIndex: runRows.rowIndex, chunkIndex: runRows.chunkIndex, input: runRows.input })
    .from(runRows)
    .where(
      and(
        eq(runRows.runId, runId),
        inArray(
          runRows.chunkIndex,
          chunks.map((chunk) => chunk.chunkIndex),
        ),
      ),
    )
    .orderBy(asc(runRows.rowIndex));
  const byChunk = new Map(
    chunks.map((chunk) => [chunk.chunkIndex, { ...chunk, rows: [] as ChunkToSend["rows"] }]),
  );
  for (const row of rows) {
    byChunk.get(row.chunkIndex ?? -1)?.rows.push({ rowIndex: row.rowIndex, subject: JSON.parse(row.input) });
  }
  return [...byChunk.values()];
}

/**
 * Marks a chunk as being sent, if the run is still "running", and counts the run alive. Returns the
 * run's state: anything but "running" (a cancel, possibly from another console instance) means stop.
 */
export async function claimChunkForSending(
  db: Db,
  runId: string,
  chunkIndex: number,
): Promise<RunState | undefined> {
  return db.transaction(async (tx) => {
    const [run] = await tx
      .update(runs)
      .set({ heartbeatAt: sql`now()` })
      .where(eq(runs.id, runId))
      .returning({ state: runs.state });
    if (run?.state !== "running") return run?.state;
    await tx
      .update(runChunks)
      .set({ state: "in-flight", updatedAt: sql`now()` })
      .where(and(eq(runChunks.runId, runId), eq(runChunks.chunkIndex, chunkIndex)));
    return run.state;
  });
}

/** Which state a chunk ends in, read from its rows' results (all rows of a chunk share one outcome). */
export function chunkStateOf(results: readonly RowResult[]): ChunkState {
  const first = results[0];
  if (!first || first.status !== NOT_SENT) return "answered";
  if (first.notSentReason === "rejected") return "refused";
  if (first.notSentReason === "cancelled") return "cancelled";
  return "unknown";
}

/** Stores one chunk's results in one statement, with the chunk's new state. */
export async function recordChunkResults(
  db: Db,
  runId: string,
  chunkIndex: number,
  results: readonly RowResult[],
): Promise<void> {
  if (results.length === 0) return;
  const values = sql.join(
    results.map(
      (result) =>
        sql`(${result.rowIndex}::int, ${statusText(result.status)}::text, ${result.notSentReason ?? null}::text, ${result.message}::text, ${result.did ?? null}::text, ${result.attempts}::int)`,
    ),
    sql`, `,
  );
  const attempts = Math.max(...results.map((result) => result.attempts));
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      UPDATE run_rows AS r
      SET status = v.status, not_sent_reason = v.reason, message = v.message, did = v.did,
          attempts = r.attempts + v.attempts, answered_at = now()
      FROM (VALUES ${values}) AS v(row_index, status, reason, message, did, attempts)
      WHERE r.run_id = ${runId} AND r.row_index = v.row_index`);
    await tx
      .update(runChunks)
      .set({
        state: chunkStateOf(results),
        attempts: sql`${runChunks.attempts} + ${attempts}`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(runChunks.runId, runId), eq(runChunks.chunkIndex, chunkIndex)));
  });
}

export async function touchRunHeartbeat(db: Db, runId: string): Promise<void> {
  await db.update(runs).set({ heartbeatAt: sql`now()` }).where(eq(runs.id, runId));
}

const CANCELLED_MESSAGE =
  "Not sent: the run was cancelled before this row's request started. Resume the run, or use Edit failed rows, to send it.";

/** Ends a run: chunks never sent become "cancelled" (when cancelled), and the run gets its final state. */
export async function finishRun(db: Db, runId: string, state: "completed" | "cancelled"): Promise<void> {
  await db.transaction(async (tx) => {
    if (state === "cancelled") {
      await tx.execute(sql`
        UPDATE run_rows SET status = ${NOT_SENT}, not_sent_reason = 'cancelled', message = ${CANCELLED_MESSAGE},
          answered_at = now()
        WHERE run_id = ${runId} AND chunk_index IN (
          SELECT chunk_index FROM run_chunks WHERE run_id = ${runId} AND state = 'pending')`);
      await tx
        .update(runChunks)
        .set({ state: "cancelled", updatedAt: sql`now()` })
        .where(and(eq(runChunks.runId, runId), eq(runChunks.state, "pending")));
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
 * (same Idempotency-Key) and its rows lose their provisional outcome. False when the run is live
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
          sql`EXISTS (SELECT 1 FROM run_chunks c WHERE c.run_id = ${runId} AND c.state <> 'answered')`,
        ),
      )
      .returning({ id: runs.id });
    if (claimed.length === 0) return false;
    await tx.execute(sql`
      UPDATE run_rows SET status = NULL, not_sent_reason = NULL, message = '', answered_at = NULL
      WHERE run_id = ${runId} AND chunk_index IN (
        SELECT chunk_index FROM run_chunks WHERE run_id = ${runId} AND state <> 'answered')`);
    await tx
      .update(runChunks)
      .set({ state: "pending", updatedAt: sql`now()` })
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
    .returning({ id: runs.id });
  return updated.length;
}

// ---- Reading -------------------------------------------------------------------------------------

function statusText(status: RowStatus): string {
  return String(status);
}

function statusFromText(text: string): RowStatus {
  return /^\d+$/.test(text) ? Number(text) : NOT_SENT;
}

const SUCCESS_TEXTS = ["200", "201"];

/** Which rows a filter selects. A live run lists only rows with an outcome; a stopped one lists all. */
function rowFilterCondition(runId: string, filter: RowFilter, live: boolean): SQL | undefined {
  const ofRun = eq(runRows.runId, runId);
  const withOutcome = live ? isNotNull(runRows.status) : undefined;
  if (filter === "all") return and(ofRun, withOutcome);
  if (filter === "failed") {
    return and(
      ofRun,
      or(notInArray(runRows.status, SUCCESS_TEXTS), live ? undefined : isNull(runRows.status)),
    );
  }
  if (filter === NOT_SENT)
    return and(ofRun, or(eq(runRows.status, NOT_SENT), live ? undefined : isNull(runRows.status)));
  return and(ofRun, eq(runRows.status, filter));
}

const NO_OUTCOME_MESSAGE =
  "No answer recorded: the run stopped before this row's request finished. Resume the run to send it again (safe: the same Idempotency-Key is used, and Humanos upserts by contact).";

type StoredRow = {
  rowIndex: number;
  contact: string;
  internalId: string | null;
  status: string | null;
  notSentReason: string | null;
  message: string;
  did: string | null;
  attempts: number;
};

function toRowResult(row: StoredRow): RowResult {
  const result: RowResult = {
    rowIndex: row.rowIndex,
    contact: row.contact,
    status: row.status === null ? NOT_SENT : statusFromText(row.status),
    message: row.status === null ? NO_OUTCOME_MESSAGE : row.message,
    attempts: row.attempts,
  };
  if (row.internalId !== null) result.internalId = row.internalId;
  if (row.did !== null) result.did = row.did;
  if (row.status === null) result.notSentReason = "no-answer";
  else if (row.notSentReason !== null) result.notSentReason = row.notSentReason as RowResult["notSentReason"];
  return result;
}

const storedRowColumns = {
  rowIndex: runRows.rowIndex,
  contact: runRows.contact,
  internalId: runRows.internalId,
  status: runRows.status,
  notSentReason: runRows.notSentReason,
  message: runRows.message,
  did: runRows.did,
  attempts: runRows.attempts,
};

async function isRunLive(db: Db, runId: string): Promise<boolean> {
  const record = await getRunRecord(db, runId);
  return record ? isLiveState(record.state) : false;
}

export async function getRunRows(
  db: Db,
  runId: string,
  page: { filter: RowFilter; offset: number; limit: number },
): Promise<RunRowsPage> {
  const where = rowFilterCondition(runId, page.filter, await isRunLive(db, runId));
  const [rows, [total]] = await Promise.all([
    db
      .select(storedRowColumns)
      .from(runRows)
      .where(where)
      .orderBy(asc(runRows.rowIndex))
      .offset(page.offset)
      .limit(page.limit),
    db.select({ value: count() }).from(runRows).where(where),
  ]);
  return { rows: rows.map(toRowResult), total: total?.value ?? 0, offset: page.offset, limit: page.limit };
}

/** Every row matching a filter, in batches, for exports of any size. */
export async function* iterateRunRows(
  db: Db,
  runId: string,
  filter: RowFilter,
  batchSize = 2000,
): AsyncGenerator<RowResult[]> {
  const where = rowFilterCondition(runId, filter, await isRunLive(db, runId));
  let after = -1;
  for (;;) {
    const rows = await db
      .select(storedRowColumns)
      .from(runRows)
      .where(and(where, sql`${runRows.rowIndex} > ${after}`))
      .orderBy(asc(runRows.rowIndex))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map(toRowResult);
    after = rows[rows.length - 1]?.rowIndex ?? after;
    if (rows.length < batchSize) return;
  }
}

/** Failed and unsent rows with what was sent, for fix-and-resend. Successful rows never come back. */
export async function getFailedRows(db: Db, runId: string): Promise<FailedRow[]> {
  const live = await isRunLive(db, runId);
  const rows = await db
    .select({ ...storedRowColumns, input: runRows.input })
    .from(runRows)
    .where(rowFilterCondition(runId, "failed", live))
    .orderBy(asc(runRows.rowIndex));
  return rows.map((row) => {
    const result = toRowResult(row);
    const parsed: unknown = JSON.parse(row.input);
    return {
      rowIndex: row.rowIndex,
      subject: typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {},
      status: result.status,
      message: result.message,
    };
  });
}

type RunRow = typeof runs.$inferSelect;

function toSummary(
  run: RunRow,
  counts: Array<{ status: string; count: number }>,
  resumableRows: number,
): RunSummary {
  const statusCounts = counts
    .map((entry) => ({ status: statusFromText(entry.status), count: entry.count }))
    .sort((left, right) => String(left.status).localeCompare(String(right.status), "en", { numeric: true }));
  return {
    id: run.id,
    createdAt: run.createdAt.toISOString(),
    createdBy: run.createdBy,
    source: run.source,
    apiTarget: run.apiTarget,
    parentRunId: run.parentRunId,
    state: run.state,
    totalRows: run.totalRows,
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    counts: statusCounts,
    doneRows: statusCounts.reduce((sum, entry) => sum + entry.count, 0),
    resumableRows,
  };
}

async function countsByRun(db: Db, runIds: readonly string[]) {
  if (runIds.length === 0) return new Map<string, Array<{ status: string; count: number }>>();
  const rows = await db
    .select({ runId: runRows.runId, status: runRows.status, count: count() })
    .from(runRows)
    .where(and(inArray(runRows.runId, [...runIds]), isNotNull(runRows.status)))
    .groupBy(runRows.runId, runRows.status);
  const byRun = new Map<string, Array<{ status: string; count: number }>>();
  for (const row of rows) {
    if (row.status === null) continue;
    const list = byRun.get(row.runId) ?? [];
    list.push({ status: row.status, count: row.count });
    byRun.set(row.runId, list);
  }
  return byRun;
}

/** Rows in chunks without a recorded answer, per run. */
async function resumableByRun(db: Db, runIds: readonly string[]): Promise<Map<string, number>> {
  if (runIds.length === 0) return new Map();
  const rows = await db
    .select({ runId: runRows.runId, count: count() })
    .from(runRows)
    .innerJoin(
      runChunks,
      and(eq(runChunks.runId, runRows.runId), eq(runChunks.chunkIndex, runRows.chunkIndex)),
    )
    .where(and(inArray(runRows.runId, [...runIds]), sql`${runChunks.state} <> 'answered'`))
    .groupBy(runRows.runId);
  return new Map(rows.map((row) => [row.runId, row.count]));
}

export async function getRunSummary(db: Db, runId: string): Promise<RunSummary | undefined> {
  const [run] = await db.select().from(runs).where(eq(runs.id, runId));
  if (!run) return undefined;
  const [counts, resumable] = await Promise.all([countsByRun(db, [runId]), resumableByRun(db, [runId])]);
  return toSummary(run, counts.get(runId) ?? [], resumable.get(runId) ?? 0);
}

export async function getRunProgress(db: Db, runId: string): Promise<RunProgress | undefined> {
  const summary = await getRunSummary(db, runId);
  return summary ? progressOf(summary, new Date()) : undefined;
}

export async function listRuns(
  db: Db,
  page: { offset: number; limit: number },
): Promise<{ runs: RunSummary[]; total: number }> {
  const [list, [total]] = await Promise.all([
    db.select().from(runs).orderBy(desc(runs.createdAt), desc(runs.id)).offset(page.offset).limit(page.limit),
    db.select({ value: count() }).from(runs),
  ]);
  const ids = list.map((run) => run.id);
  const [counts, resumable] = await Promise.all([countsByRun(db, ids), resumableByRun(db, ids)]);
  return {
    runs: list.map((run) => toSummary(run, counts.get(run.id) ?? [], resumable.get(run.id) ?? 0)),
    total: total?.value ?? 0,
  };
}

/** A run whose sending failed in this process (e.g. the database went away): resumable later. */
export async function markRunInterrupted(db: Db, runId: string): Promise<void> {
  await db
    .update(runs)
    .set({ state: "interrupted" })
    .where(and(eq(runs.id, runId), inArray(runs.state, ["running", "cancelling"])));
}
