/**
 * A chunk's answers: what became of each of its rows, stored as ONE jsonb value on the chunk
 * (run_chunks.answers), written with the chunk's state in one statement. One narrow row per subject
 * cost PGlite 6.5–7.7 ms per chunk of 100 (bench/submit); one value costs ~2 ms. Readers expand a
 * chunk's answers once (jsonb_to_recordset with ANSWER_RECORD) and join them to the rows by row_index.
 */
import { type SQL, sql } from "drizzle-orm";
import type { ChunkAnswer } from "@/lib/db/schema";
import type { RowResult } from "@/lib/humanos/results";
import { NOT_SENT, statusKey } from "@/lib/humanos/statuses";

/** The record type that jsonb_to_recordset reads a ChunkAnswer with: `FROM jsonb_to_recordset(x) AS ${ANSWER_RECORD}`. */
export const ANSWER_RECORD: SQL = sql.raw(
  "answer(row_index int, status text, not_sent_reason text, message text, did text)",
);

export function chunkAnswersOf(results: readonly RowResult[]): ChunkAnswer[] {
  return results.map((result) => ({
    row_index: result.rowIndex,
    status: statusKey(result.status),
    not_sent_reason: result.notSentReason ?? null,
    message: result.message,
    did: result.did ?? null,
  }));
}

/** How many rows ended with each status ({"200": 98, "409": 2}), for run_chunks.status_counts. */
export function statusCountsOf(answers: readonly ChunkAnswer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[answer.status] = (counts[answer.status] ?? 0) + 1;
  return counts;
}

export const CANCELLED_MESSAGE =
  "Not sent: the run was cancelled before this row's request started. Resume the run to send it.";

/**
 * The answers of a chunk never sent because its run was cancelled, aggregated in SQL over its rows
 * (`rows` is the alias of run_rows in the caller's statement, grouped by chunk).
 */
export function cancelledAnswers(rows: string): SQL {
  const row = sql.raw(`${rows}.row_index`);
  return sql`jsonb_agg(jsonb_build_object('row_index', ${row}, 'status', ${NOT_SENT}::text,
    'not_sent_reason', 'cancelled', 'message', ${CANCELLED_MESSAGE}::text, 'did', NULL) ORDER BY ${row})`;
}
