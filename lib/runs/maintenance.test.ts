import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/database.test-support";
import { sandboxIdempotency } from "@/lib/db/schema";
import { inProgressNote, notReceivedNote } from "@/lib/export/results-export";
import { sweepRuns } from "./maintenance";
import { claimRunForResume, finishRun, markRunStarted, requestCancel } from "./run-store";
import { getRunSummary } from "./run-summaries";
import { createDraftRun, storeRowSlice } from "./run-upload-store";

function rows(count: number, from = 0) {
  return Array.from({ length: count }, (_, i) => ({
    rowIndex: from + i,
    subject: { contact: `sweep${from + i}@example.com` },
  }));
}

describeEachDatabase("run housekeeping", (use) => {
  beforeEach(async () => {
    await use().exec("DELETE FROM runs; DELETE FROM sandbox_idempotency;");
  });

  async function run(state: "draft" | "running" | "cancelled") {
    const db = use().db;
    const id = await createDraftRun(db, {
      createdBy: "alice",
      source: "paste",
      apiTarget: "t",
      totalRows: 250,
    });
    await storeRowSlice(db, id, rows(150), { last: false });
    if (state === "draft") return id;
    await markRunStarted(db, id, "another-process");
    if (state === "cancelled") {
      await requestCancel(db, id);
      await finishRun(db, id, "cancelled");
    }
    return id;
  }

  it("marks runs whose sender stopped beating interrupted, and leaves live ones alone", async () => {
    const db = use().db;
    const stale = await run("running");
    const live = await run("running");
    await db.execute(sql`UPDATE runs SET heartbeat_at = now() - interval '5 minutes' WHERE id = ${stale}`);
    expect(await sweepRuns(db, { atStartUp: false, embedded: false })).toMatchObject({ interrupted: 1 });
    expect(await getRunSummary(db, stale)).toMatchObject({ state: "interrupted" });
    expect(await getRunSummary(db, live)).toMatchObject({ state: "running" });
  });

  it("at start-up with the embedded database, every live run was left by a dead process", async () => {
    const db = use().db;
    const live = await run("running");
    expect(await sweepRuns(db, { atStartUp: true, embedded: true })).toMatchObject({ interrupted: 1 });
    // Its upload can no longer finish: what it received becomes sendable on Resume.
    expect(await getRunSummary(db, live)).toMatchObject({
      state: "interrupted",
      totalRows: 150,
      resumableRows: 150,
    });
  });

  it("turns a draft abandoned mid-upload into a resumable run holding the rows it received", async () => {
    const db = use().db;
    const old = await run("draft");
    const recent = await run("draft");
    await db.execute(sql`UPDATE runs SET created_at = now() - interval '1 hour' WHERE id = ${old}`);
    expect(await sweepRuns(db, { atStartUp: false, embedded: true })).toMatchObject({ abandonedDrafts: 1 });
    expect(await getRunSummary(db, old)).toMatchObject({
      state: "interrupted",
      totalRows: 150,
      resumableRows: 150,
    });
    expect(await getRunSummary(db, recent)).toMatchObject({ state: "draft" });
  });

  it("closes the upload of a run stopped while rows were still arriving once they stop coming", async () => {
    const db = use().db;
    // Cancelled with 150 of 250 rows in, then the browser went away: nothing will close it.
    const old = await run("cancelled");
    const recent = await run("cancelled");
    // The idle time is the drafts': counted from the last row that arrived, not from the cancel.
    await db.execute(
      sql`UPDATE runs SET created_at = now() - interval '1 hour' WHERE id IN (${old}, ${recent})`,
    );
    await db.execute(sql`UPDATE run_rows SET created_at = now() - interval '1 hour' WHERE run_id = ${old}`);
    expect(await sweepRuns(db, { atStartUp: false, embedded: true })).toMatchObject({
      interrupted: 0,
      abandonedDrafts: 0,
      abandonedUploads: 1,
    });
    // The rows that never came are recorded (the screens say "upload cut short"), the 150 stored
    // stay cancelled, not sent, and Resume can now take the run.
    expect(await getRunSummary(db, old)).toMatchObject({
      state: "cancelled",
      uploadComplete: true,
      totalRows: 150,
      rowsNotReceived: 100,
      lastRowReceived: 150,
      counts: [{ status: "not-sent", count: 150 }],
      cancelledRows: 150,
      resumableRows: 150,
    });
    // Its exports no longer say IN PROGRESS, and say INCOMPLETE instead.
    const closed = await getRunSummary(db, old);
    if (!closed) throw new Error("run gone");
    expect(inProgressNote(closed)).toBeNull();
    expect(notReceivedNote(closed)).toMatch(/^INCOMPLETE: 100 of 250 rows never reached the server/);
    expect(await getRunSummary(db, recent)).toMatchObject({
      state: "cancelled",
      uploadComplete: false,
      totalRows: 250,
      rowsNotReceived: 0,
    });
    expect(await claimRunForResume(db, old, "this-process")).toBe(true);
    expect(await claimRunForResume(db, recent, "this-process")).toBe(false);
    // A second sweep finds nothing more to close.
    expect(await sweepRuns(db, { atStartUp: false, embedded: true })).toMatchObject({ abandonedUploads: 0 });
  });

  it("forgets Idempotency-Keys after 24 hours", async () => {
    const db = use().db;
    await db.insert(sandboxIdempotency).values([
      {
        idempotencyKey: "old",
        bodyHash: "h",
        status: 200,
        responseBody: "[]",
        createdAt: new Date(Date.now() - 25 * 3600_000),
      },
      { idempotencyKey: "new", bodyHash: "h", status: 200, responseBody: "[]" },
    ]);
    expect(await sweepRuns(db, { atStartUp: false, embedded: true })).toMatchObject({
      expiredIdempotencyKeys: 1,
    });
    const left = await db.select({ key: sandboxIdempotency.idempotencyKey }).from(sandboxIdempotency);
    expect(left).toStrictEqual([{ key: "new" }]);
  });
});
