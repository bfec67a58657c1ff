/**
 * A run resumed after a long interruption, on a real database (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set): its rate and ETA are those of the sending since the resume, not of its
 * whole life with the hour it stood stopped.
 */
import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/database.test-support";
import { claimRunForResume, markRunInterrupted, markRunStarted } from "./run-store";
import { answerChunk, storedSubjects } from "./run-store.test-support";
import { getRunProgress, getRunSummary } from "./run-summaries";
import { createDraftRun, storeRowSlice } from "./run-upload-store";

/** 300 rows to send (chunks 0–2) and one refused on arrival. */
const SENT_ROWS = 300;
const TAG = "resume";

describeEachDatabase("a resumed run's progress", (use) => {
  beforeEach(async () => {
    await use().exec("DELETE FROM runs");
  });

  it("records the resume and measures the rate from it, over the rows answered since", async () => {
    const db = use().db;
    const id = await createDraftRun(db, {
      createdBy: "alice",
      source: "paste",
      apiTarget: "t",
      totalRows: SENT_ROWS + 1,
    });
    await storeRowSlice(
      db,
      id,
      [
        ...storedSubjects(TAG, SENT_ROWS),
        { rowIndex: SENT_ROWS, refused: { input: {}, contact: "", message: "Not sent, invalid — contact" } },
      ],
      { last: true },
    );
    await markRunStarted(db, id, "worker-a");
    await answerChunk(db, id, TAG, 0);
    await markRunInterrupted(db, id);
    // It started an hour ago and stood interrupted for most of it.
    await db.execute(sql`UPDATE runs SET started_at = now() - interval '1 hour' WHERE id = ${id}`);

    expect(await claimRunForResume(db, id, "worker-b")).toBe(true);
    const resumed = await getRunSummary(db, id);
    // The rows that keep their outcome: chunk 0's answers and the refused row.
    expect(resumed).toMatchObject({ state: "running", doneRows: 101, rowsDoneAtResume: 101 });
    expect(resumed?.resumedAt).not.toBeNull();
    expect(Date.parse(resumed?.resumedAt ?? "")).toBeGreaterThan(Date.parse(resumed?.startedAt ?? ""));
    // Nothing answered since the resume: no rate to show yet (not 101 rows over an hour).
    expect(await getRunProgress(db, id)).toMatchObject({ rowsPerSecond: null, etaSeconds: null });

    // 100 rows answered in the 10 s since the resume: about 10 rows/s, 100 rows left, about 10 s.
    await answerChunk(db, id, TAG, 1);
    await db.execute(sql`UPDATE runs SET resumed_at = now() - interval '10 seconds' WHERE id = ${id}`);
    const progress = await getRunProgress(db, id);
    expect(progress?.rowsPerSecond).toBeGreaterThan(9);
    expect(progress?.rowsPerSecond).toBeLessThanOrEqual(10);
    expect(progress?.etaSeconds).toBeGreaterThanOrEqual(10);
    expect(progress?.etaSeconds).toBeLessThanOrEqual(12);
  });
});
