/**
 * An upload cut short, on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set):
 * whichever way it ends early — the browser's own `last: true` after a failed slice or as the tab
 * goes, the sender giving up on rows that stopped coming, the housekeeping sweep — the run keeps
 * counting what it stored and records how many of the rows it was told about never reached it.
 */
import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/database.test-support";
import { settleActiveRuns } from "./engine";
import { sweepRuns } from "./maintenance";
import { getRunRows } from "./run-queries";
import { appendRows, type RunServiceDeps } from "./run-service";
import { runServiceHarness } from "./run-service.test-support";
import { markRunStarted } from "./run-store";
import { getRunSummary, listRuns } from "./run-summaries";
import { closeAbandonedUpload } from "./run-upload-store";

const harness = runServiceHarness();

/** How the upload ends: the browser says `last` (with the slice, or alone), or the server closes it. */
type Ending =
  | "last with the final slice"
  | "last alone"
  | "sender gave up"
  | "sweep at start-up"
  | "sweep of an old draft";

describeEachDatabase("an upload cut short", (use) => {
  let deps: RunServiceDeps;
  beforeEach(async () => {
    ({ deps } = await harness.reset(use()));
  });
  const { subjects, draft } = harness;

  /** A run told `announced` rows, given `slices` (row counts, in order), then ended as `ending` says. */
  async function upload(announced: number, slices: readonly number[], ending: Ending): Promise<string> {
    const runId = await draft(announced);
    let next = 0;
    for (const [index, size] of slices.entries()) {
      const last = ending === "last with the final slice" && index === slices.length - 1;
      // The browser's first call starts the run; the server-side endings start it in a sender elsewhere.
      const start = index === 0 && ending.startsWith("last");
      const stored = await appendRows(deps, "alice", { runId, rows: subjects(size, next), last, start });
      if (!stored.ok) throw new Error(stored.error.message);
      next += size;
    }
    if (ending === "last alone") await appendRows(deps, "alice", { runId, rows: [], last: true });
    if (ending === "sender gave up" || ending === "sweep at start-up") {
      await markRunStarted(deps.db, runId, "a-sender-elsewhere");
    }
    // What the engine does after UPLOAD_IDLE_TIMEOUT_MS without a slice.
    if (ending === "sender gave up") await closeAbandonedUpload(deps.db, runId);
    // The process that was sending (and receiving the upload) died: the next start closes it.
    if (ending === "sweep at start-up") await sweepRuns(deps.db, { atStartUp: true, embedded: true });
    if (ending === "sweep of an old draft") {
      await use().db.execute(sql`UPDATE runs SET created_at = now() - interval '1 hour' WHERE id = ${runId}`);
      await sweepRuns(deps.db, { atStartUp: false, embedded: true });
    }
    await settleActiveRuns();
    return runId;
  }

  it.each<
    [
      Ending,
      number,
      number[],
      { state: string; totalRows: number; rowsNotReceived: number; lastRowReceived: number },
    ]
  >([
    // The browser's stopUpload after a failed slice, or the tab going away: `last` on an empty call.
    [
      "last alone",
      3000,
      [100, 1000],
      { state: "completed", totalRows: 1100, rowsNotReceived: 1900, lastRowReceived: 1100 },
    ],
    [
      "last with the final slice",
      3000,
      [100, 250],
      { state: "completed", totalRows: 350, rowsNotReceived: 2650, lastRowReceived: 350 },
    ],
    [
      "sender gave up",
      250,
      [150],
      { state: "running", totalRows: 150, rowsNotReceived: 100, lastRowReceived: 150 },
    ],
    [
      "sweep at start-up",
      250,
      [150],
      { state: "interrupted", totalRows: 150, rowsNotReceived: 100, lastRowReceived: 150 },
    ],
    [
      "sweep of an old draft",
      250,
      [150],
      { state: "interrupted", totalRows: 150, rowsNotReceived: 100, lastRowReceived: 150 },
    ],
    [
      "sweep of an old draft",
      40,
      [],
      { state: "interrupted", totalRows: 0, rowsNotReceived: 40, lastRowReceived: 0 },
    ],
    // Uploads that delivered every row they announced: nothing is missing.
    [
      "last with the final slice",
      1100,
      [100, 1000],
      { state: "completed", totalRows: 1100, rowsNotReceived: 0, lastRowReceived: 1100 },
    ],
    [
      "last alone",
      1100,
      [100, 1000],
      { state: "completed", totalRows: 1100, rowsNotReceived: 0, lastRowReceived: 1100 },
    ],
  ])("ended by %s (%i rows announced, slices %j): %o", async (ending, announced, slices, expected) => {
    const runId = await upload(announced, slices, ending);
    const summary = await getRunSummary(deps.db, runId);
    expect(summary).toMatchObject(expected);
    // The run's counts, progress and results are those of the rows it stored.
    const stored = expected.totalRows;
    if (expected.state === "completed") {
      expect(summary).toMatchObject({ doneRows: stored, counts: [{ status: 200, count: stored }] });
    } else {
      expect(summary).toMatchObject({ resumableRows: stored });
    }
    if (expected.state !== "running") {
      const rows = await getRunRows(deps.db, runId, { filter: "all", offset: 0, limit: 1 });
      expect(rows.total).toBe(stored);
    }
    const { runs } = await listRuns(deps.db, { offset: 0, limit: 5 });
    expect(runs.find((run) => run.id === runId)).toMatchObject({ rowsNotReceived: expected.rowsNotReceived });
  });

  it("rows refused or held back reached the server: only rows never sent count as not received", async () => {
    const runId = await draft(10);
    await appendRows(deps, "alice", {
      runId,
      rows: [...subjects(3), { rowIndex: 3, subject: { contact: "" } }],
      start: true,
    });
    await appendRows(deps, "alice", { runId, rows: [], last: true });
    await settleActiveRuns();
    expect(await getRunSummary(deps.db, runId)).toMatchObject({
      totalRows: 4,
      doneRows: 4,
      rowsNotReceived: 6,
      lastRowReceived: 4,
    });
  });

  it("closing an upload that is already complete changes nothing", async () => {
    const runId = await upload(3000, [100, 1000], "last alone");
    await closeAbandonedUpload(deps.db, runId);
    expect(await getRunSummary(deps.db, runId)).toMatchObject({ totalRows: 1100, rowsNotReceived: 1900 });
    expect(await appendRows(deps, "alice", { runId, rows: subjects(1, 1100), last: true })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    expect(await getRunSummary(deps.db, runId)).toMatchObject({ totalRows: 1100, rowsNotReceived: 1900 });
  });
});
