import { describe, expect, it } from "vitest";
import { NOT_SENT } from "@/lib/humanos/statuses";
import { rowsMatching } from "./run-counts";
import { runSummary } from "./run-summary.test-support";
import type { RunState, RunSummary } from "./run-types";

function summary(state: RunState, totalRows: number, counts: RunSummary["counts"]): RunSummary {
  const doneRows = counts.reduce((sum, entry) => sum + entry.count, 0);
  return runSummary({ state, totalRows, counts, doneRows, startedAt: null });
}

const COUNTS = [
  { status: 200, count: 50 },
  { status: 201, count: 10 },
  { status: 409, count: 3 },
  { status: NOT_SENT, count: 2 },
];

describe("rowsMatching: the results table's row count per filter, from the run's counters", () => {
  it.each<[string, RunState, string, number]>([
    ["a live run lists only rows with an outcome", "running", "all", 65],
    ["…and its failures so far", "running", "failed", 5],
    ["…and its unsent rows so far", "running", "not-sent", 2],
    ["a stopped run lists every row", "interrupted", "all", 100],
    ["its rows without an outcome count as failures", "interrupted", "failed", 40],
    ["…and as not sent", "interrupted", "not-sent", 37],
    ["one status", "completed", "409", 3],
    ["a status no row has", "completed", "410", 0],
    ["successes are never failures", "completed", "200", 50],
  ])("%s", (_name, state, filter, expected) => {
    expect(rowsMatching(summary(state, 100, COUNTS), filter)).toBe(expected);
  });
});
