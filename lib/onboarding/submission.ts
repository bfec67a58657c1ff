/**
 * The shape of one server-action call: rows the browser validated, each with its position in the
 * operator's input. The action re-validates every row with the shared schema; it trusts nothing.
 */
import { z } from "zod";
import type { RowResult } from "@/lib/humanos/results";
import { describeIssues, type Subject, type SubjectInput, subjectSchema } from "@/lib/humanos/schemas";

/** Rows per server-action call: keeps each call far below the action body limit and gives progress. */
export const ROWS_PER_ACTION_CALL = 500;
/** The most rows one call accepts (anything more is refused with a clear message, never a 413). */
export const MAX_ROWS_PER_ACTION_CALL = 2000;

export interface SubmissionRow {
  rowIndex: number;
  subject: SubjectInput;
}

export const submissionEnvelopeSchema = z.object({
  rows: z
    .array(z.object({ rowIndex: z.number().int().min(0), subject: z.unknown() }))
    .min(1, "No rows to send")
    .max(MAX_ROWS_PER_ACTION_CALL, `At most ${MAX_ROWS_PER_ACTION_CALL} rows per call; send them in slices`),
});

export type SubmissionError =
  | { code: "invalid-input"; message: string; rowErrors: Array<{ rowIndex: number; message: string }> }
  | { code: "unauthorized"; message: string }
  | { code: "server-error"; message: string };

export type SubmissionOutcome = { ok: true; results: RowResult[] } | { ok: false; error: SubmissionError };

export type ParsedSubmission =
  | { ok: true; rows: Array<{ rowIndex: number; subject: Subject }> }
  | { ok: false; error: Extract<SubmissionError, { code: "invalid-input" }> };

/** Re-validates a submission: the envelope, unique row indices, and every subject. */
export function parseSubmission(input: unknown): ParsedSubmission {
  const envelope = submissionEnvelopeSchema.safeParse(input);
  if (!envelope.success) {
    return {
      ok: false,
      error: { code: "invalid-input", message: describeIssues(envelope.error), rowErrors: [] },
    };
  }
  const seen = new Set<number>();
  const rows: Array<{ rowIndex: number; subject: Subject }> = [];
  const rowErrors: Array<{ rowIndex: number; message: string }> = [];
  for (const row of envelope.data.rows) {
    if (seen.has(row.rowIndex)) {
      rowErrors.push({ rowIndex: row.rowIndex, message: "Row index sent twice" });
      continue;
    }
    seen.add(row.rowIndex);
    const subject = subjectSchema.safeParse(row.subject);
    if (subject.success) rows.push({ rowIndex: row.rowIndex, subject: subject.data });
    else rowErrors.push({ rowIndex: row.rowIndex, message: describeIssues(subject.error) });
  }
  if (rowErrors.length > 0) {
    return {
      ok: false,
      error: {
        code: "invalid-input",
        message: `${rowErrors.length} row(s) failed validation on the server; nothing was sent.`,
        rowErrors,
      },
    };
  }
  return { ok: true, rows };
}
