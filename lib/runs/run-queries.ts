/**
 * Reading runs' rows back: a page at a time, in batches for exports, and the failed ones for
 * fix-and-resend. Summaries and counts are run-summaries.ts; writing is run-store.ts.
 */
import "server-only";
import {
  and,
  asc,
  between,
  count,
  eq,
  inArray,
  isNotNull,
  isNull,
  notInArray,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { type Db, queryRows } from "@/lib/db/database";
import { runChunks, runRowOutcomes, runRows } from "@/lib/db/schema";
import type { RowResult } from "@/lib/humanos/results";
import { NOT_SENT, SUCCESS_STATUS_KEYS, statusFromKey } from "@/lib/humanos/statuses";
import { rowsMatching } from "./run-counts";
import { getRunRecord } from "./run-store";
import { getRunSummary } from "./run-summaries";
import { type FailedRow, isLiveState, type RowFilter, type RunRowsPage } from "./run-types";

/** Which rows a filter selects. A live run lists only rows with an outcome; a stopped one lists all. */
function rowFilterCondition(runId: string, filter: RowFilter, live: boolean): SQL | undefined {
  const ofRun = eq(runRows.runId, runId);
  const status = runRowOutcomes.status;
  const withOutcome = live ? isNotNull(status) : undefined;
  if (filter === "all") return and(ofRun, withOutcome);
  if (filter === "failed") {
    return and(ofRun, or(notInArray(status, [...SUCCESS_STATUS_KEYS]), live ? undefined : isNull(status)));
  }
  if (filter === NOT_SENT) return and(ofRun, or(eq(status, NOT_SENT), live ? undefined : isNull(status)));
  return and(ofRun, eq(status, filter));
}

const NO_OUTCOME_MESSAGE =
  "No answer recorded: the run stopped before this row's request finished. Resume the run to send it again (safe: the same Idempotency-Key is used, and Humanos upserts by contact).";

type StoredRow = {
  rowIndex: number;
  contact: string;
  internalId: string | null;
  status: string | null;
  notSentReason: string | null;
  message: string | null;
  did: string | null;
  attempts: number;
};

function toRowResult(row: StoredRow): RowResult {
  const result: RowResult = {
    rowIndex: row.rowIndex,
    contact: row.contact,
    status: row.status === null ? NOT_SENT : statusFromKey(row.status),
    message: row.status === null ? NO_OUTCOME_MESSAGE : (row.message ?? ""),
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
  status: runRowOutcomes.status,
  notSentReason: runRowOutcomes.notSentReason,
  message: runRowOutcomes.message,
  did: runRowOutcomes.did,
  // Every row of a chunk is sent, and recorded, together: its attempts are the chunk's.
  attempts: sql<number>`coalesce(${runChunks.attempts}, 0)`.mapWith(Number),
};

/** A row's outcome, when it has one. */
const OUTCOME_OF_ROW = and(
  eq(runRowOutcomes.runId, runRows.runId),
  eq(runRowOutcomes.rowIndex, runRows.rowIndex),
);
/** A row's chunk (none for a row never sent). */
const CHUNK_OF_ROW = and(eq(runChunks.runId, runRows.runId), eq(runChunks.chunkIndex, runRows.chunkIndex));

/** Rows with their outcome (nulls while there is none) and their chunk's attempts. */
function selectStoredRows(db: Db) {
  return db
    .select(storedRowColumns)
    .from(runRows)
    .leftJoin(runRowOutcomes, OUTCOME_OF_ROW)
    .leftJoin(runChunks, CHUNK_OF_ROW);
}

async function isRunLive(db: Db, runId: string): Promise<boolean> {
  const record = await getRunRecord(db, runId);
  return record ? isLiveState(record.state) : false;
}

export async function getRunRows(
  db: Db,
  runId: string,
  page: { filter: RowFilter; offset: number; limit: number },
): Promise<RunRowsPage> {
  const summary = await getRunSummary(db, runId);
  if (!summary) return { rows: [], total: 0, offset: page.offset, limit: page.limit, final: false };
  const live = isLiveState(summary.state);
  const where = rowFilterCondition(runId, page.filter, live);
  const rows = await readPage(db, runId, where, page);
  // A draft's declared total is not what it holds yet: only there are the rows counted one by one.
  const total =
    summary.state === "draft"
      ? ((
          await db
            .select({ value: count() })
            .from(runRows)
            .leftJoin(runRowOutcomes, OUTCOME_OF_ROW)
            .where(where)
        )[0]?.value ?? 0)
      : rowsMatching(summary, page.filter);
  return {
    rows: rows.map(toRowResult),
    total,
    offset: page.offset,
    limit: page.limit,
    final: live && rows.length === page.limit && (await everyRowAnsweredThrough(db, runId, rows.at(-1))),
  };
}

/** Whether every row of the run up to `last` has its outcome: no answer to come can land before it. */
async function everyRowAnsweredThrough(db: Db, runId: string, last: StoredRow | undefined): Promise<boolean> {
  if (!last) return false;
  const [waiting] = await queryRows<{ any: boolean }>(
    db,
    sql`SELECT EXISTS (
          SELECT 1 FROM run_rows r
          LEFT JOIN run_row_outcomes o ON o.run_id = r.run_id AND o.row_index = r.row_index
          WHERE r.run_id = ${runId} AND r.row_index <= ${last.rowIndex} AND o.row_index IS NULL
        ) AS any`,
  );
  return waiting?.any === false;
}

/**
 * Up to this offset a page is read in one statement. Deeper, the rows to skip are walked through
 * the narrow primary-key indexes alone, and only the page's rows are joined with their outcome and
 * chunk (one statement joining every skipped row took 420 ms at offset 50,000 of 100,000 rows).
 */
export const ONE_STATEMENT_MAX_OFFSET = 2000;

async function readPage(
  db: Db,
  runId: string,
  where: SQL | undefined,
  page: { offset: number; limit: number },
): Promise<StoredRow[]> {
  if (page.offset <= ONE_STATEMENT_MAX_OFFSET) {
    return selectStoredRows(db)
      .where(where)
      .orderBy(asc(runRows.rowIndex))
      .offset(page.offset)
      .limit(page.limit);
  }
  const onPage = (
    await db
      .select({ rowIndex: runRows.rowIndex })
      .from(runRows)
      .leftJoin(runRowOutcomes, OUTCOME_OF_ROW)
      .where(where)
      .orderBy(asc(runRows.rowIndex))
      .offset(page.offset)
      .limit(page.limit)
  ).map((row) => row.rowIndex);
  const [first, last] = [onPage[0], onPage[onPage.length - 1]];
  if (first === undefined || last === undefined) return [];
  return selectStoredRows(db)
    .where(
      and(
        eq(runRows.runId, runId),
        between(runRows.rowIndex, first, last),
        inArray(runRows.rowIndex, onPage),
      ),
    )
    .orderBy(asc(runRows.rowIndex));
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
    const rows = await selectStoredRows(db)
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
    .leftJoin(runRowOutcomes, OUTCOME_OF_ROW)
    .leftJoin(runChunks, CHUNK_OF_ROW)
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
