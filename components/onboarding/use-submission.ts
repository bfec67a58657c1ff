"use client";

import { useCallback, useState } from "react";
import { createSubjectsAction } from "@/app/onboard/actions";
import type { RowResult } from "@/lib/humanos/results";
import { NOT_SENT } from "@/lib/humanos/statuses";
import { ROWS_PER_ACTION_CALL, type SubmissionRow } from "@/lib/onboarding/submission";

export type SubmissionState =
  | { phase: "idle" }
  | { phase: "sending"; done: number; total: number }
  | { phase: "done"; results: RowResult[]; problem?: string };

function sliceRows<T>(rows: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < rows.length; start += size) slices.push(rows.slice(start, start + size));
  return slices;
}

function notSent(rows: readonly SubmissionRow[], message: string): RowResult[] {
  return rows.map((row) => ({
    rowIndex: row.rowIndex,
    contact: typeof row.subject.contact === "string" ? row.subject.contact : "",
    internalId: typeof row.subject.internalId === "string" ? row.subject.internalId : undefined,
    status: NOT_SENT,
    notSentReason: "no-answer" as const,
    message,
    attempts: 0,
  }));
}

/**
 * Sends rows through the server action in slices (each well under the action's body limit, and a
 * natural progress step), then merges the answers with the rows that were held back, by row index.
 */
export function useSubmission() {
  const [state, setState] = useState<SubmissionState>({ phase: "idle" });

  const submit = useCallback(async (rows: SubmissionRow[], heldBack: RowResult[]) => {
    const results: RowResult[] = [...heldBack];
    let problem: string | undefined;
    const slices = sliceRows(rows, ROWS_PER_ACTION_CALL);
    setState({ phase: "sending", done: 0, total: rows.length });
    let done = 0;
    for (const [position, slice] of slices.entries()) {
      if (problem) {
        results.push(...notSent(slice, `Not sent: an earlier part of this submission failed (${problem})`));
        continue;
      }
      try {
        let pending = slice;
        let outcome = await createSubjectsAction({ rows: slice });
        if (!outcome.ok && outcome.error.code === "invalid-input" && outcome.error.rowErrors.length > 0) {
          // The server refused some rows (its check is the last word): report them, send the others.
          const refused = new Map(outcome.error.rowErrors.map((error) => [error.rowIndex, error.message]));
          for (const row of slice.filter((candidate) => refused.has(candidate.rowIndex))) {
            results.push(
              ...notSent([row], `Not sent, invalid — ${refused.get(row.rowIndex)}`).map((result) => ({
                ...result,
                notSentReason: "invalid" as const,
              })),
            );
          }
          pending = slice.filter((candidate) => !refused.has(candidate.rowIndex));
          outcome =
            pending.length > 0 ? await createSubjectsAction({ rows: pending }) : { ok: true, results: [] };
        }
        if (outcome.ok) results.push(...outcome.results);
        else {
          problem = outcome.error.message;
          results.push(...notSent(pending, `Not sent: ${outcome.error.message}`));
        }
      } catch {
        problem = `the console server did not answer part ${position + 1} of ${slices.length}`;
        results.push(
          ...notSent(
            slice,
            "The console server did not answer; these rows may or may not have been created. Resending is safe.",
          ),
        );
      }
      done += slice.length;
      setState({ phase: "sending", done, total: rows.length });
    }
    results.sort((left, right) => left.rowIndex - right.rowIndex);
    setState({ phase: "done", results, problem });
  }, []);

  const reset = useCallback(() => setState({ phase: "idle" }), []);
  return { state, submit, reset };
}
