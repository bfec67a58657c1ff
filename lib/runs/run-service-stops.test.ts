/**
 * Stopping and resuming runs, on a real database over real HTTP: cancel lets requests in flight
 * finish and sends nothing new, rows arriving after a cancel are never sent, and resume sends only
 * the chunks without a recorded answer, under their original Idempotency-Keys.
 */
import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { queryRows } from "@/lib/db/database";
import { describeEachDatabase } from "@/lib/db/database.test-support";
import type { ScriptedServer } from "@/lib/humanos/client.test-support";
import { settleActiveRuns } from "./engine";
import { getRunRows } from "./run-queries";
import { appendRows, cancelRun, type RunServiceDeps, resumeRun, startRun } from "./run-service";
import { requestsFor, runServiceHarness } from "./run-service.test-support";
import { markInterruptedRuns, markRunStarted, recordChunkResults } from "./run-store";
import { getRunSummary } from "./run-summaries";

const harness = runServiceHarness();

describeEachDatabase("run service: cancel and resume", (use) => {
  let server: ScriptedServer;
  let deps: RunServiceDeps;
  beforeEach(async () => {
    ({ server, deps } = await harness.reset(use()));
  });
  const { subjects, draft } = harness;

  it("rows that arrive after a cancel are recorded as cancelled, never sent", async () => {
    server.setReplyDelay(100);
    const runId = await draft(300);
    await appendRows(deps, "alice", { runId, rows: subjects(100) });
    await startRun(deps, "alice", { runId });
    expect(await cancelRun(deps, { runId })).toStrictEqual({ ok: true });
    await settleActiveRuns();
    await appendRows(deps, "alice", { runId, rows: subjects(200, 100), last: true });
    const summary = await getRunSummary(deps.db, runId);
    expect(summary).toMatchObject({ state: "cancelled", totalRows: 300, doneRows: 300 });
    expect(server.requests.flatMap((request) => request.subjects)).not.toContainEqual(
      expect.objectContaining({ contact: "person150@example.com" }),
    );
    const late = await getRunRows(deps.db, runId, { filter: "all", offset: 299, limit: 1 });
    expect(late.rows[0]).toMatchObject({ rowIndex: 299, status: "not-sent", notSentReason: "cancelled" });
  });

  it("resume sends only chunks without a recorded answer, under their original keys", async () => {
    const runId = await draft(300);
    await appendRows(deps, "alice", { runId, rows: subjects(300), last: true });
    await markRunStarted(deps.db, runId, "a-process-that-will-die");
    const keys = await queryRows<{ chunk_index: number; idempotency_key: string }>(
      deps.db,
      sql`SELECT chunk_index, idempotency_key FROM run_chunks WHERE run_id = ${runId} ORDER BY chunk_index`,
    );
    // The dead process had sent chunk 0 (no answer recorded) and got chunk 1's answers.
    await recordChunkResults(
      deps.db,
      runId,
      1,
      subjects(100, 100).map((row) => ({
        rowIndex: row.rowIndex,
        contact: row.subject.contact,
        status: 201,
        message: "Nothing changed",
        did: "did:test:earlier",
        attempts: 1,
      })),
    );
    expect(await markInterruptedRuns(deps.db)).toBe(1);
    const interrupted = await getRunSummary(deps.db, runId);
    expect(interrupted).toMatchObject({
      state: "interrupted",
      doneRows: 100,
      resumableRows: 200,
      cancelledRows: 0,
    });
    const failures = await getRunRows(deps.db, runId, { filter: "not-sent", offset: 0, limit: 1 });
    expect(failures.total).toBe(200);
    expect(failures.rows[0]?.message).toMatch(/Resume the run/);

    expect(await resumeRun(deps, { runId })).toStrictEqual({ ok: true });
    await settleActiveRuns();

    expect(requestsFor(server.requests, "person150@example.com")).toHaveLength(0);
    const sentKeys = server.requests.map((request) => ({
      first: request.subjects[0]?.contact,
      key: request.headers["idempotency-key"],
    }));
    expect(
      sentKeys.sort((a, b) => String(a.first).localeCompare(String(b.first), "en", { numeric: true })),
    ).toStrictEqual([
      { first: "person0@example.com", key: keys[0]?.idempotency_key },
      { first: "person200@example.com", key: keys[2]?.idempotency_key },
    ]);
    expect(await getRunSummary(deps.db, runId)).toMatchObject({
      state: "completed",
      doneRows: 300,
      resumableRows: 0,
      counts: [
        { status: 200, count: 200 },
        { status: 201, count: 100 },
      ],
    });
    expect(await resumeRun(deps, { runId })).toMatchObject({ ok: false, error: { code: "conflict" } });
  });

  it("cancel lets the chunks in flight finish, records them, and sends nothing new", async () => {
    server.setReplyDelay(150);
    const runId = await draft(1000);
    await appendRows(deps, "alice", { runId, rows: subjects(1000), last: true });
    await startRun(deps, "alice", { runId });
    while (server.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await cancelRun(deps, { runId })).toStrictEqual({ ok: true });
    await settleActiveRuns();

    const summary = await getRunSummary(deps.db, runId);
    const answered = summary?.counts.find((entry) => entry.status === 200)?.count ?? 0;
    expect(answered).toBe(server.requests.length * 100);
    expect(summary).toMatchObject({
      state: "cancelled",
      doneRows: 1000,
      resumableRows: 1000 - answered,
      cancelledRows: 1000 - answered,
    });
    const cancelled = await getRunRows(deps.db, runId, { filter: "not-sent", offset: 0, limit: 1 });
    expect(cancelled.rows[0]).toMatchObject({ notSentReason: "cancelled" });

    server.setReplyDelay(0);
    const before = server.requests.length;
    expect(await resumeRun(deps, { runId })).toStrictEqual({ ok: true });
    await settleActiveRuns();
    expect(server.requests.length - before).toBe(10 - before);
    expect(await getRunSummary(deps.db, runId)).toMatchObject({ state: "completed", resumableRows: 0 });
  });
});
