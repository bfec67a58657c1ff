/**
 * Reading runs' rows back: a page at a time, in batches for exports, and the failed ones for
 * fix-and-resend. Summaries and counts are run-summaries.ts; writing is run-upload-store.ts and run-store.ts.
 */
import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "@/lib/db/database";
import type { RowResult } from "@/lib/humanos/results";
import { MAX_SUBJECTS_PER_REQUEST } from "@/lib/humanos/schemas";
import { NOT_SENT, SUCCESS_STATUS_KEYS, statusFromKey } from "@/lib/humanos/statuses";
import { ANSWER_RECORD } from "./chunk-answers";
import { rowsMatching } from "./run-counts";
import { getRunRecord } from "./run-store";
import { getRunSummary } from "./run-summaries";
import { type FailedRow, isLiveState, isWaitingState, type RowFilter, type RunRowsPage } from "./run-types";

/** Row indexes first…last (both included); the whole run when not given. */
interface RowRange {
  first: number;
  last: number;
}
const WHOLE_RUN: RowRange = { first: 0, last: 2_147_483_647 };

/**
 * The run's rows in `range` with what became of them, as a subquery `row_result` with the columns
 * row_index, input, contact, internal_id, status, not_sent_reason, message, did, attempts (status
 * null: no outcome yet) and settled. A row never sent carries its refusal; a sent row's outcome is in
 * its chunk's answers, each chunk's expanded once (only the chunks the range can hold) and joined by
 * row_index; its attempts are its chunk's (every row of a chunk is sent, and recorded, together).
 * settled: the row's outcome is final, and Resume never sends it: Humanos answered its chunk item by
 * item, or it was refused before sending. Every other row (its chunk pending, unanswered after every
 * attempt, refused whole or cancelled; or not yet in a chunk) is Resume's to send.
 */
function rowResults(runId: string, range: RowRange = WHOLE_RUN): SQL {
  const chunks = {
    first: Math.floor(range.first / MAX_SUBJECTS_PER_REQUEST),
    last: Math.floor(range.last / MAX_SUBJECTS_PER_REQUEST),
  };
  return sql`(
    SELECT r.row_index, r.input, r.contact, r.internal_id,
      CASE WHEN r.refusal IS NOT NULL THEN ${NOT_SENT}::text ELSE answer.status END AS status,
      CASE WHEN r.refusal IS NOT NULL THEN 'invalid' ELSE answer.not_sent_reason END AS not_sent_reason,
      coalesce(r.refusal, answer.message) AS message,
      answer.did,
      coalesce(c.attempts, 0) AS attempts,
      (r.refusal IS NOT NULL OR c.state IS NOT DISTINCT FROM 'answered') AS settled
    FROM run_rows r
    LEFT JOIN run_chunks c ON c.run_id = r.run_id AND c.chunk_index = r.chunk_index
    LEFT JOIN (
      SELECT answer.* FROM run_chunks a, jsonb_to_recordset(a.answers) AS ${ANSWER_RECORD}
      WHERE a.run_id = ${runId} AND a.chunk_index BETWEEN ${chunks.first} AND ${chunks.last}
    ) answer ON answer.row_index = r.row_index
    WHERE r.run_id = ${runId} AND r.row_index BETWEEN ${range.first} AND ${range.last}
  ) AS row_result`;
}

/**
 * Which rows a filter selects. A run whose rows are waiting (isWaitingState) lists only rows with an
 * outcome; a stopped one lists all, those without one as "no answer recorded".
 */
function rowFilterCondition(filter: RowFilter, waiting: boolean): SQL {
  const successes = sql.join(
    SUCCESS_STATUS_KEYS.map((key) => sql`${key}::text`),
    sql`, `,
  );
  const orNoOutcome = waiting ? sql`` : sql` OR status IS NULL`;
  if (filter === "all") return waiting ? sql`status IS NOT NULL` : sql`true`;
  if (filter === "failed") return sql`(status NOT IN (${successes})${orNoOutcome})`;
  if (filter === NOT_SENT) return sql`(status = ${NOT_SENT}::text${orNoOutcome})`;
  return sql`status = ${filter}::text`;
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

const STORED_ROW_COLUMNS = sql.raw(
  `row_index AS "rowIndex", contact, internal_id AS "internalId", status, not_sent_reason AS "notSentReason", message, did, attempts`,
);

/** Whether the run's rows without an outcome are waiting for one (isWaitingState). */
async function areRowsWaiting(db: Db, runId: string): Promise<boolean> {
  const record = await getRunRecord(db, runId);
  return record ? isWaitingState(record.state) : false;
}

export async function getRunRows(
  db: Db,
  runId: string,
  page: { filter: RowFilter; offset: number; limit: number },
): Promise<RunRowsPage> {
  const summary = await getRunSummary(db, runId);
  if (!summary) return { rows: [], total: 0, offset: page.offset, limit: page.limit, final: false };
  const live = isLiveState(summary.state);
  // A draft has sent nothing yet: its stored rows wait for an answer, as a live run's unanswered ones.
  const where = rowFilterCondition(page.filter, isWaitingState(summary.state));
  const rows = await readPage(db, runId, where, page);
  return {
    rows: rows.map(toRowResult),
    // A draft lists only the rows refused on arrival: its counts say how many (not its declared total).
    total: rowsMatching(summary, page.filter),
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
          SELECT 1 FROM ${rowResults(runId, { first: 0, last: last.rowIndex })} WHERE status IS NULL
        ) AS any`,
  );
  return waiting?.any === false;
}

/**
 * Up to this offset a page is read in one statement. Deeper, the rows to skip are found by their
 * row_index alone, and only the page's rows are read in full (one statement carrying every skipped
 * row's input, message and DID through the sort took 420 ms at offset 50,000 of 100,000 rows).
 */
export const ONE_STATEMENT_MAX_OFFSET = 2000;

async function readPage(
  db: Db,
  runId: string,
  where: SQL,
  page: { offset: number; limit: number },
): Promise<StoredRow[]> {
  if (page.offset <= ONE_STATEMENT_MAX_OFFSET) {
    return queryRows<StoredRow>(
      db,
      sql`SELECT ${STORED_ROW_COLUMNS} FROM ${rowResults(runId)} WHERE ${where}
          ORDER BY row_index OFFSET ${page.offset} LIMIT ${page.limit}`,
    );
  }
  const onPage = (
    await queryRows<{ row_index: number }>(
      db,
      sql`SELECT row_index FROM ${rowResults(runId)} WHERE ${where}
          ORDER BY row_index OFFSET ${page.offset} LIMIT ${page.limit}`,
    )
  ).map((row) => row.row_index);
  const [first, last] = [onPage[0], onPage[onPage.length - 1]];
  if (first === undefined || last === undefined) return [];
  return queryRows<StoredRow>(
    db,
    sql`SELECT ${STORED_ROW_COLUMNS} FROM ${rowResults(runId, { first, last })}
        WHERE row_index = ANY(${`{${onPage.join(",")}}`}::int[]) ORDER BY row_index`,
  );
}

/**
 * Every row matching a filter, in batches of `batchSize` (the last may be smaller), for exports of
 * any size. The run is read `batchSize` row indexes at a time, so each read expands only the
 * answers of the chunks those rows are in.
 */
export async function* iterateRunRows(
  db: Db,
  runId: string,
  filter: RowFilter,
  batchSize = 2000,
): AsyncGenerator<RowResult[]> {
  // A draft's rows wait, as a live run's unanswered rows do, not "no answer recorded" (the file says
  // how many wait: lib/export/results-export.ts).
  const where = rowFilterCondition(filter, await areRowsWaiting(db, runId));
  const [extent] = await queryRows<{ last: number | null }>(
    db,
    sql`SELECT max(row_index) AS last FROM run_rows WHERE run_id = ${runId}`,
  );
  const lastRow = extent?.last ?? -1;
  let pending: RowResult[] = [];
  for (let first = 0; first <= lastRow; first += batchSize) {
    const rows = await queryRows<StoredRow>(
      db,
      sql`SELECT ${STORED_ROW_COLUMNS} FROM ${rowResults(runId, { first, last: first + batchSize - 1 })}
          WHERE ${where} ORDER BY row_index`,
    );
    pending.push(...rows.map(toRowResult));
    while (pending.length >= batchSize) {
      yield pending.slice(0, batchSize);
      pending = pending.slice(batchSize);
    }
  }
  if (pending.length > 0) yield pending;
}

/**
 * The rows with a definite failure, with what was sent, for fix-and-resend: Humanos' answer was a
 * failure (400, 402, 407…), or the row was refused before sending. Successful rows never come back,
 * nor do the rows Resume would send (no answer recorded: never sent, cancelled, refused whole, or
 * sent without a usable answer, so possibly created already): sent again in a new run under new
 * Idempotency-Keys, they could go out twice, and a Resume after the fix would send the old data
 * over it. Once Resume has sent them, those that fail come back here.
 */
export async function getFailedRows(db: Db, runId: string): Promise<FailedRow[]> {
  const rows = await queryRows<StoredRow & { input: string }>(
    db,
    sql`SELECT ${STORED_ROW_COLUMNS}, input FROM ${rowResults(runId)}
        WHERE settled AND ${rowFilterCondition("failed", true)} ORDER BY row_index`,
  );
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
