import { describe, expect, it } from "vitest";
import { runSummary } from "@/lib/runs/run-summary.test-support";
import type { RunSummary } from "@/lib/runs/run-types";
import { editableFailures, leftToResumeNote } from "./edit-failed-text";

const PLURAL_TAIL =
  "rows have no answer from Humanos yet (not sent, or sent with no answer recorded: they may already have been created), so Edit failed rows leaves them out. Resume sends them safely, under their original Idempotency-Keys; those that then fail can be edited.";
const SINGULAR =
  "1 row has no answer from Humanos yet (not sent, or sent with no answer recorded: it may already have been created), so Edit failed rows leaves it out. Resume sends it safely, under its original Idempotency-Key; if it then fails, it can be edited.";

/** 1,000 rows: 900 with an outcome (880 × 200, 12 × 409, 8 held back unsent), 100 without one. */
function run(overrides: Partial<RunSummary>): RunSummary {
  return runSummary({
    counts: [
      { status: 200, count: 880 },
      { status: 409, count: 12 },
      { status: "not-sent", count: 8 },
    ],
    doneRows: 900,
    ...overrides,
  });
}

/** The run above, stopped with `resumable` more rows recorded "not sent" that Resume would send. */
function recordedNotSent(state: RunSummary["state"], resumable: number): Partial<RunSummary> {
  const rows = 900 + resumable;
  return {
    state,
    totalRows: rows,
    doneRows: rows,
    resumableRows: resumable,
    counts: [
      { status: 200, count: 880 },
      { status: 409, count: 12 },
      { status: "not-sent", count: 8 + resumable },
    ],
  };
}

describe("Edit failed rows while Resume has rows to send", () => {
  it.each<[string, Partial<RunSummary>, number, string | null]>([
    // The 100 rows without an outcome (a chunk in flight when the server died) are Resume's.
    [
      "interrupted, a chunk in flight",
      { state: "interrupted", resumableRows: 100 },
      20,
      `100 ${PLURAL_TAIL}`,
    ],
    // Rows recorded "not sent" because the run was cancelled or their request went unanswered too.
    ["cancelled, 1,100 never sent", recordedNotSent("cancelled", 1100), 20, `1,100 ${PLURAL_TAIL}`],
    ["completed, one row unanswered", recordedNotSent("completed", 1), 20, SINGULAR],
    // Nothing to resume: every failure loads, as always.
    ["completed, nothing to resume", { state: "completed", totalRows: 900 }, 20, null],
    // Rows still waiting for an answer are nobody's to edit yet (the button is not offered).
    ["running", { state: "running", resumableRows: 100 }, 20, null],
    ["draft", { state: "draft", resumableRows: 0 }, 20, null],
  ])("%s", (_name, overrides, editable, note) => {
    expect(editableFailures(run(overrides))).toBe(editable);
    expect(leftToResumeNote(run(overrides))).toBe(note);
  });
});
