import type { RunSummary } from "./run-types";

/** A run summary for pure tests: running, 1,000 rows, nothing done; override what the case is about. */
export function runSummary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    id: "00000000-0000-4000-8000-000000000000",
    createdAt: "2026-11-27T10:00:00.000Z",
    createdBy: "alice",
    source: "paste",
    apiTarget: "Sandbox",
    parentRunId: null,
    state: "running",
    totalRows: 1000,
    rowsNotReceived: 0,
    lastRowReceived: 1000,
    uploadComplete: true,
    startedAt: "2026-11-27T10:00:00.000Z",
    resumedAt: null,
    rowsDoneAtResume: 0,
    finishedAt: null,
    counts: [],
    doneRows: 0,
    resumableRows: 0,
    cancelledRows: 0,
    ...overrides,
  };
}
