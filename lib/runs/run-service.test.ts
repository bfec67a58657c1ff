/**
 * The run service on a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), sending
 * over real HTTP to a scripted server: rows stored before sending, answers stored per chunk, the
 * same Idempotency-Key on every attempt, and who may touch a run. Cancel and resume:
 * run-service-stops.test.ts.
 */
import { beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/database.test-support";
import { echoSuccess, type ScriptedServer } from "@/lib/humanos/client.test-support";
import type { RowResult } from "@/lib/humanos/results";
import { subjectSchema } from "@/lib/humanos/schemas";
import { settleActiveRuns } from "./engine";
import { getRunRows, iterateRunRows, ONE_STATEMENT_MAX_OFFSET } from "./run-queries";
import {
  appendRows,
  cancelRun,
  createRun,
  loadFailedRows,
  type RunServiceDeps,
  startRun,
} from "./run-service";
import { requestsFor, runServiceHarness } from "./run-service.test-support";
import { finishRun, markRunStarted, recordChunkResults } from "./run-store";
import { getRunSummary, listRuns } from "./run-summaries";
import type { RowFilter } from "./run-types";

const harness = runServiceHarness();

describeEachDatabase("run service", (use) => {
  let server: ScriptedServer;
  let deps: RunServiceDeps;
  beforeEach(async () => {
    ({ server, deps } = await harness.reset(use()));
  });
  const { subjects, draft } = harness;

  it("stores every row before sending, then every answer, in input order", async () => {
    const runId = await draft(251);
    const appended = await appendRows(deps, "alice", {
      runId,
      rows: [...subjects(250), { rowIndex: 250, subject: { contact: "" } }],
      last: true,
    });
    expect(appended).toMatchObject({ ok: true, accepted: 250, refused: [{ rowIndex: 250 }] });
    const before = await getRunSummary(deps.db, runId);
    expect(before).toMatchObject({ state: "draft", totalRows: 251, doneRows: 1 });
    expect(server.requests).toHaveLength(0);

    expect(await startRun(deps, "alice", { runId })).toStrictEqual({ ok: true });
    await settleActiveRuns();

    const after = await getRunSummary(deps.db, runId);
    expect(after).toMatchObject({
      state: "completed",
      totalRows: 251,
      doneRows: 251,
      resumableRows: 0,
      counts: [
        { status: 200, count: 250 },
        { status: "not-sent", count: 1 },
      ],
    });
    expect(server.requests.map((request) => request.subjects.length).sort()).toStrictEqual([100, 100, 50]);
    const page = await getRunRows(deps.db, runId, { filter: "all", offset: 248, limit: 10 });
    expect(page.total).toBe(251);
    expect(page.rows.map((row) => [row.rowIndex, row.status, row.did ?? null])).toStrictEqual([
      [248, 200, "did:test:person248@example.com"],
      [249, 200, "did:test:person249@example.com"],
      [250, "not-sent", null],
    ]);
    expect(page.rows[2]?.message).toMatch(/^Not sent, invalid — /);
  });

  it("sends a chunk's body as the JSON of its stored subjects, byte for byte, leaving out refused rows", async () => {
    const runId = await draft(3);
    const sent = [
      { contact: `zoe.${harness.tag}@example.com`, internalId: 'quote " back\\slash' },
      {
        contact: `nuno.${harness.tag}@example.com`,
        identity: {
          fullName: "Zoë Ñúñez – 𝔘 \u2028",
          birth: "1990-01-31",
          docId: "0123",
          countryAlpha3: "PRT",
        },
      },
    ];
    await appendRows(deps, "alice", {
      runId,
      rows: [
        { rowIndex: 0, subject: sent[0] },
        { rowIndex: 1, subject: { contact: "" } },
        { rowIndex: 2, subject: sent[1] },
      ],
      last: true,
    });
    await startRun(deps, "alice", { runId });
    await settleActiveRuns();
    expect(server.requests.map((request) => request.rawBody)).toStrictEqual([
      JSON.stringify(sent.map((subject) => subjectSchema.parse(subject))),
    ]);
  });

  it("never sends a row the grid held back, even when it is valid on its own", async () => {
    const runId = await draft(3);
    const [first, second] = subjects(2);
    const appended = await appendRows(deps, "alice", {
      runId,
      rows: [
        first,
        { rowIndex: 1, subject: first?.subject, heldBack: "Contact: repeated in this batch (row 1)" },
        second && { ...second, rowIndex: 2 },
      ],
      last: true,
    });
    expect(appended).toMatchObject({ ok: true, accepted: 2, refused: [{ rowIndex: 1 }] });
    await startRun(deps, "alice", { runId });
    await settleActiveRuns();
    expect(server.requests.flatMap((request) => request.subjects.map((s) => s.contact))).toStrictEqual([
      "person0@example.com",
      "person1@example.com",
    ]);
    const heldBack = await getRunRows(deps.db, runId, { filter: "not-sent", offset: 0, limit: 5 });
    expect(heldBack.rows.map((row) => [row.rowIndex, row.notSentReason, row.message])).toStrictEqual([
      [1, "invalid", "Not sent, invalid — Contact: repeated in this batch (row 1)"],
    ]);
  });

  it("starts sending after the first slice, and sends a chunk only once all its rows are stored", async () => {
    server.setReplyDelay(20);
    const runId = await draft(300);
    await appendRows(deps, "alice", { runId, rows: subjects(150) });
    await startRun(deps, "alice", { runId });
    while (server.requests.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Rows 100–149 wait: their chunk can hold rows up to 199, which have not arrived.
    expect(server.requests.map((request) => request.subjects.length)).toStrictEqual([100]);
    expect(await getRunSummary(deps.db, runId)).toMatchObject({ state: "running", doneRows: 100 });

    expect(await appendRows(deps, "alice", { runId, rows: subjects(10, 120) })).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringContaining("in order") },
    });
    await appendRows(deps, "alice", { runId, rows: subjects(150, 150), last: true });
    await settleActiveRuns();
    expect(server.requests.map((request) => request.subjects[0]?.contact)).toStrictEqual([
      "person0@example.com",
      "person100@example.com",
      "person200@example.com",
    ]);
    expect(await getRunSummary(deps.db, runId)).toMatchObject({
      state: "completed",
      totalRows: 300,
      doneRows: 300,
    });
    expect(await appendRows(deps, "alice", { runId, rows: subjects(1, 300), last: true })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
  });

  it("keeps one Idempotency-Key per chunk across retries", async () => {
    server.setScript((request, attempt) => (attempt < 3 ? { status: 503 } : echoSuccess(request)));
    const runId = await draft(150);
    await appendRows(deps, "alice", { runId, rows: subjects(150), last: true });
    await startRun(deps, "alice", { runId });
    await settleActiveRuns();
    const firstChunk = requestsFor(server.requests, "person0@example.com");
    const secondChunk = requestsFor(server.requests, "person149@example.com");
    expect(firstChunk).toHaveLength(3);
    expect(new Set(firstChunk.map((request) => request.headers["idempotency-key"])).size).toBe(1);
    expect(secondChunk[0]?.headers["idempotency-key"]).not.toBe(firstChunk[0]?.headers["idempotency-key"]);
    const rows = await getRunRows(deps.db, runId, { filter: "all", offset: 0, limit: 1 });
    expect(rows.rows[0]?.attempts).toBe(3);
  });

  it("a chunk refused whole is recorded, and failed rows come back for fixing without the successes nor Resume's rows", async () => {
    server.setScript((request) =>
      request.subjects.some((subject) => subject.contact === "person0@example.com")
        ? {
            status: 200,
            body: request.subjects.map((s, i) => ({
              status: i === 0 ? 409 : 200,
              message: i === 0 ? "Duplicate identity" : "ok",
              user: { contact: s.contact },
            })),
          }
        : { status: 401, body: { statusCode: 401, message: "Invalid signature", error: "Unauthorized" } },
    );
    const runId = await draft(150);
    await appendRows(deps, "alice", { runId, rows: subjects(150), last: true });
    await startRun(deps, "alice", { runId });
    await settleActiveRuns();
    const failed = await loadFailedRows(deps, { runId });
    if (!failed.ok) throw new Error(failed.error.message);
    // The 50 rows refused whole wait for Resume (same Idempotency-Key): fix and resend leaves them out.
    expect(failed.rows).toHaveLength(1);
    expect(failed.rows[0]).toMatchObject({
      rowIndex: 0,
      status: 409,
      subject: { contact: "person0@example.com", internalId: `id-0-t${harness.tag}` },
    });
    const refused = await getRunRows(deps.db, runId, { filter: "not-sent", offset: 0, limit: 1 });
    expect(refused.rows[0]).toMatchObject({ rowIndex: 100, status: "not-sent" });
    expect(refused.rows[0]?.message).toMatch(/refused the request \(401/);
    expect(await getRunSummary(deps.db, runId)).toMatchObject({ resumableRows: 50 });
    const csvRows = [];
    for await (const batch of iterateRunRows(deps.db, runId, "failed", 20)) csvRows.push(batch.length);
    expect(csvRows).toStrictEqual([20, 20, 11]);
  });

  it("a page deep in a run holds the same rows as the export, whatever the filter", async () => {
    const count = ONE_STATEMENT_MAX_OFFSET + 600;
    const runId = await draft(count);
    const rows = subjects(count).map((row) =>
      row.rowIndex % 250 === 0 ? { rowIndex: row.rowIndex, subject: { contact: "" } } : row,
    );
    for (let start = 0; start < count; start += 1000) {
      await appendRows(deps, "alice", {
        runId,
        rows: rows.slice(start, start + 1000),
        last: start + 1000 >= count,
      });
    }
    await startRun(deps, "alice", { runId });
    await settleActiveRuns();
    const cases: Array<[RowFilter, number]> = [
      ["all", 0],
      ["all", ONE_STATEMENT_MAX_OFFSET],
      ["all", ONE_STATEMENT_MAX_OFFSET + 1],
      ["all", count - 2],
      ["200", ONE_STATEMENT_MAX_OFFSET + 7],
      ["not-sent", 3],
      ["all", count],
    ];
    for (const [filter, offset] of cases) {
      const exported: RowResult[] = [];
      for await (const batch of iterateRunRows(deps.db, runId, filter)) exported.push(...batch);
      const page = await getRunRows(deps.db, runId, { filter, offset, limit: 5 });
      expect(page.rows, `${filter} from ${offset}`).toStrictEqual(exported.slice(offset, offset + 5));
    }
  });

  it("calls a live run's page final once it is full and every row up to its end has an answer", async () => {
    const runId = await draft(300);
    await appendRows(deps, "alice", { runId, rows: subjects(300), last: true });
    await markRunStarted(deps.db, runId, "a-sender-driven-by-this-test");
    const answer = (chunkIndex: number) =>
      recordChunkResults(
        deps.db,
        runId,
        chunkIndex,
        subjects(100, chunkIndex * 100).map((row) => ({
          rowIndex: row.rowIndex,
          contact: row.subject.contact,
          status: 200,
          message: "Created",
          attempts: 1,
        })),
      );
    const page = async (offset: number, limit: number) => {
      const read = await getRunRows(deps.db, runId, { filter: "all", offset, limit });
      return [read.rows[0]?.rowIndex, read.rows.length, read.final];
    };
    await answer(1);
    expect(await page(0, 100)).toStrictEqual([100, 100, false]);
    await answer(0);
    expect(await page(0, 100)).toStrictEqual([0, 100, true]);
    expect(await page(100, 100)).toStrictEqual([100, 100, true]);
    expect(await page(0, 300)).toStrictEqual([0, 200, false]);
    await finishRun(deps.db, runId, "cancelled");
    expect(await page(0, 100)).toStrictEqual([0, 100, false]);
  });

  it("a slice sent with start: true starts the run once its rows are stored, and only once", async () => {
    const runId = await draft(150);
    expect(await appendRows(deps, "alice", { runId, rows: subjects(100), start: true })).toMatchObject({
      ok: true,
      accepted: 100,
    });
    expect((await getRunSummary(deps.db, runId))?.state).toBe("running");
    expect(await appendRows(deps, "alice", { runId, rows: subjects(50, 100), start: true })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    await appendRows(deps, "alice", { runId, rows: [], last: true });
    await settleActiveRuns();
    expect(await getRunSummary(deps.db, runId)).toMatchObject({ state: "completed", doneRows: 150 });
    expect(server.requests.map((request) => request.subjects.length)).toStrictEqual([100, 50]);
  });

  it("only the creator fills and starts a draft; a run starts once", async () => {
    const runId = await draft(1);
    expect(await appendRows(deps, "bob", { runId, rows: subjects(1) })).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
    await appendRows(deps, "alice", { runId, rows: subjects(1), last: true });
    expect(await startRun(deps, "bob", { runId })).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
    expect(await startRun(deps, "alice", { runId })).toStrictEqual({ ok: true });
    expect(await startRun(deps, "alice", { runId })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    await settleActiveRuns();
    expect(await appendRows(deps, "alice", { runId, rows: subjects(1), last: true })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    expect(await cancelRun(deps, { runId })).toMatchObject({ ok: false, error: { code: "conflict" } });
  });

  it.each<[string, unknown]>([
    ["no rows", { source: "paste", totalRows: 0 }],
    ["a blank source", { source: " ", totalRows: 3 }],
    ["a parent that is not a run id", { source: "resend", totalRows: 3, parentRunId: "nope" }],
  ])("refuses to create a run with %s", async (_name, input) => {
    expect(await createRun(deps, "alice", input)).toMatchObject({
      ok: false,
      error: { code: "invalid-input" },
    });
  });

  it("refuses an append of more than 1,000 rows or a repeated row index", async () => {
    const runId = await draft(2000);
    expect(await appendRows(deps, "alice", { runId, rows: subjects(1001), last: true })).toMatchObject({
      ok: false,
      error: { code: "invalid-input" },
    });
    expect(
      await appendRows(deps, "alice", { runId, rows: [...subjects(2), { rowIndex: 1, subject: {} }] }),
    ).toMatchObject({ ok: false, error: { message: "Row index 1 sent twice" } });
  });

  it("lists runs newest first, a page at a time, with their counts", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const runId = await draft(i + 1);
      await appendRows(deps, "alice", { runId, rows: subjects(i + 1), last: true });
      await startRun(deps, "alice", { runId });
      await settleActiveRuns();
      ids.push(runId);
    }
    const firstPage = await listRuns(deps.db, { offset: 0, limit: 2 });
    expect(firstPage.total).toBe(3);
    expect(firstPage.runs.map((run) => [run.id, run.totalRows, run.counts])).toStrictEqual([
      [ids[2], 3, [{ status: 200, count: 3 }]],
      [ids[1], 2, [{ status: 200, count: 2 }]],
    ]);
    const secondPage = await listRuns(deps.db, { offset: 2, limit: 2 });
    expect(secondPage.runs.map((run) => run.id)).toStrictEqual([ids[0]]);
  });
});
