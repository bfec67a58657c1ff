import { describe, expect, it } from "vitest";
import { runSummary as summary } from "./run-summary.test-support";
import { isLiveState, processedRows, progressOf, type RunState, type RunSummary } from "./run-types";

const NOW = new Date("2026-11-27T10:00:10.000Z");

describe("progressOf", () => {
  it.each<[string, Partial<RunSummary>, number | null, number | null]>([
    ["nothing done yet: no rate, no ETA", { doneRows: 0 }, null, null],
    ["400 rows in 10 s: 40 rows/s, 15 s left", { doneRows: 400 }, 40, 15],
    ["rounds the ETA up", { doneRows: 300 }, 30, 24],
    ["not started: no rate", { startedAt: null, doneRows: 10 }, null, null],
    [
      "finished: the rate over its whole life, no ETA",
      { state: "completed", doneRows: 1000, finishedAt: "2026-11-27T10:00:04.000Z" },
      250,
      null,
    ],
    ["interrupted: a rate, but no ETA", { state: "interrupted", doneRows: 500 }, 50, null],
    [
      "just started (< 0.2 s): no rate yet",
      { doneRows: 5, startedAt: "2026-11-27T10:00:09.900Z" },
      null,
      null,
    ],
    [
      "cancelled: rows its cancel left unsent are not in the rate",
      { state: "cancelled", doneRows: 1000, cancelledRows: 600, finishedAt: "2026-11-27T10:00:04.000Z" },
      100,
      null,
    ],
  ])("%s", (_name, overrides, rowsPerSecond, etaSeconds) => {
    const progress = progressOf(summary(overrides), NOW);
    expect(progress.rowsPerSecond).toBe(rowsPerSecond);
    expect(progress.etaSeconds).toBe(etaSeconds);
    expect(progress.readAt).toBe(NOW.toISOString());
  });
});

/** Started at 09:00, interrupted for most of an hour, resumed at 10:00:00 with 200 rows done. */
const RESUMED: Partial<RunSummary> = {
  startedAt: "2026-11-27T09:00:00.000Z",
  resumedAt: "2026-11-27T10:00:00.000Z",
  rowsDoneAtResume: 200,
};

describe("progressOf a resumed run: measured over the sending since the resume", () => {
  it.each<[string, Partial<RunSummary>, number | null, number | null]>([
    // Since its start it would be 600 rows in 3,610 s: 0.17 rows/s and an ETA of 40 minutes.
    ["400 rows in the 10 s since: 40 rows/s, 400 rows in 10 s", { doneRows: 600 }, 40, 10],
    ["nothing answered since: no rate, no ETA", { doneRows: 200 }, null, null],
    [
      "just resumed (< 0.2 s): no rate yet",
      { doneRows: 210, resumedAt: "2026-11-27T10:00:09.900Z" },
      null,
      null,
    ],
    [
      "finished after the resume: the rate of that last sending, no ETA",
      { state: "completed", doneRows: 1000, finishedAt: "2026-11-27T10:00:04.000Z" },
      200,
      null,
    ],
    [
      "cancelled after the resume: the rows it left unsent are not in the rate",
      {
        state: "cancelled",
        doneRows: 1000,
        cancelledRows: 400,
        finishedAt: "2026-11-27T10:00:04.000Z",
      },
      100,
      null,
    ],
  ])("%s", (_name, overrides, rowsPerSecond, etaSeconds) => {
    const progress = progressOf(summary({ ...RESUMED, ...overrides }), NOW);
    expect(progress.rowsPerSecond).toBe(rowsPerSecond);
    expect(progress.etaSeconds).toBe(etaSeconds);
  });
});

describe("processedRows", () => {
  it.each([
    ["a live run", { doneRows: 300, cancelledRows: 0 }, 300],
    ["a completed run", { doneRows: 1000, cancelledRows: 0 }, 1000],
    [
      "a cancelled run: its never-sent requests are still waiting",
      { doneRows: 1000, cancelledRows: 700 },
      300,
    ],
    [
      "an interrupted run: rows without an answer were never counted",
      { doneRows: 100, cancelledRows: 0 },
      100,
    ],
  ])("%s", (_name, counts, expected) => {
    expect(processedRows(summary(counts))).toBe(expected);
  });
});

describe("isLiveState", () => {
  it.each<[RunState, boolean]>([
    ["draft", false],
    ["running", true],
    ["cancelling", true],
    ["cancelled", false],
    ["completed", false],
    ["interrupted", false],
  ])("%s → %s", (state, live) => {
    expect(isLiveState(state)).toBe(live);
  });
});
