/**
 * Two console instances sharing one database: a run whose sender looked dead (a stale heartbeat) is
 * marked interrupted and resumed by another instance; the first sender, still going, must not end it.
 */
import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { queryRows } from "@/lib/db/database";
import { describeEachDatabase } from "@/lib/db/database.test-support";
import {
  claimRunForResume,
  finishRun,
  markInterruptedRuns,
  markRunInterrupted,
  markRunStarted,
  requestCancel,
  touchRunHeartbeat,
} from "./run-store";
import { answerChunk, storedSubjects } from "./run-store.test-support";
import { getRunSummary } from "./run-summaries";
import { createDraftRun, storeRowSlice } from "./run-upload-store";

const ROWS = 250;
const TAG = "finish";

describeEachDatabase("finishRun: only the run's own live sender ends it", (use) => {
  beforeEach(async () => {
    await use().exec("DELETE FROM runs");
  });

  /** A stored run of ROWS rows sent by `worker`, its first chunk answered. */
  async function runSentBy(worker: string): Promise<string> {
    const db = use().db;
    const id = await createDraftRun(db, {
      createdBy: "alice",
      source: "paste",
      apiTarget: "t",
      totalRows: ROWS,
    });
    await storeRowSlice(db, id, storedSubjects(TAG, ROWS), { last: true });
    expect(await markRunStarted(db, id, worker)).toBe(true);
    await answerChunk(db, id, TAG, 0);
    return id;
  }

  /** Another instance's sweep finds the sender's heartbeat stale and marks the run interrupted. */
  async function heartbeatGoesStale(id: string) {
    const db = use().db;
    await db.execute(sql`UPDATE runs SET heartbeat_at = now() - interval '5 minutes' WHERE id = ${id}`);
    expect(await markInterruptedRuns(db, new Date(Date.now() - 30_000))).toBe(1);
  }

  it("worker A cannot complete or cancel a run that worker B resumed; B ends it", async () => {
    const db = use().db;
    const id = await runSentBy("worker-a");
    await heartbeatGoesStale(id);
    expect(await claimRunForResume(db, id, "worker-b")).toBe(true);

    expect(await finishRun(db, id, "completed", "worker-a")).toBe(false);
    expect(await finishRun(db, id, "cancelled", "worker-a")).toBe(false);
    // B's run goes on: still running, its unsent chunks still pending (not cancelled by A).
    expect(await getRunSummary(db, id)).toMatchObject({
      state: "running",
      finishedAt: null,
      doneRows: 100,
      cancelledRows: 0,
      resumableRows: 150,
    });

    expect(await requestCancel(db, id)).toBe(true);
    expect(await finishRun(db, id, "cancelled", "worker-b")).toBe(true);
    expect(await getRunSummary(db, id)).toMatchObject({
      state: "cancelled",
      doneRows: ROWS,
      cancelledRows: 150,
      resumableRows: 150,
    });
  });

  it("a run marked interrupted stays interrupted (and resumable) when its old sender finishes", async () => {
    const db = use().db;
    const id = await runSentBy("worker-a");
    await heartbeatGoesStale(id);
    expect(await finishRun(db, id, "completed", "worker-a")).toBe(false);
    expect(await getRunSummary(db, id)).toMatchObject({ state: "interrupted", resumableRows: 150 });
    expect(await claimRunForResume(db, id, "worker-b")).toBe(true);
  });

  it("a run is ended once: a second finish changes nothing", async () => {
    const db = use().db;
    const id = await runSentBy("worker-a");
    expect(await finishRun(db, id, "completed", "worker-a")).toBe(true);
    const ended = await getRunSummary(db, id);
    expect(ended).toMatchObject({ state: "completed" });
    expect(await finishRun(db, id, "cancelled", "worker-a")).toBe(false);
    expect(await finishRun(db, id, "cancelled")).toBe(false);
    expect(await getRunSummary(db, id)).toStrictEqual(ended);
  });

  it("worker A's error path and heartbeat leave a run worker B resumed alone; B's own still work", async () => {
    const db = use().db;
    const id = await runSentBy("worker-a");
    await heartbeatGoesStale(id);
    expect(await claimRunForResume(db, id, "worker-b")).toBe(true);
    const heartbeat = async () =>
      (
        await queryRows<{ at: string }>(db, sql`SELECT heartbeat_at::text AS at FROM runs WHERE id = ${id}`)
      )[0]?.at;
    await db.execute(sql`UPDATE runs SET heartbeat_at = now() - interval '5 minutes' WHERE id = ${id}`);
    const stale = await heartbeat();

    await touchRunHeartbeat(db, id, "worker-a");
    expect(await heartbeat()).toStrictEqual(stale);
    await markRunInterrupted(db, id, "worker-a");
    expect(await getRunSummary(db, id)).toMatchObject({ state: "running", resumableRows: 150 });

    await touchRunHeartbeat(db, id, "worker-b");
    expect(await heartbeat()).not.toStrictEqual(stale);
    await markRunInterrupted(db, id, "worker-b");
    expect(await getRunSummary(db, id)).toMatchObject({ state: "interrupted", resumableRows: 150 });
  });

  it("without a worker id, any live run is ended (the engine's own call until it passes its id)", async () => {
    const db = use().db;
    const id = await runSentBy("worker-a");
    expect(await finishRun(db, id, "cancelled")).toBe(true);
    expect(await getRunSummary(db, id)).toMatchObject({ state: "cancelled", cancelledRows: 150 });
  });
});
