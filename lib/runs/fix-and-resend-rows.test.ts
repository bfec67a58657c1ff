/**
 * Fix and resend never loads a row that Resume would send, on a real database over real HTTP: while a
 * run has rows without a recorded answer (a chunk in flight when the server died, unanswered after
 * every retry, refused whole, cancelled), "Edit failed rows" gets only the rows whose failure is
 * final (Humanos answered 4xx for them, or they were refused before sending). Resume sends the others
 * under their original Idempotency-Keys; once it has, any that fail come back too.
 */
import { beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/database.test-support";
import {
  echoSuccess,
  type RecordedRequest,
  type ScriptedReply,
  type ScriptedServer,
} from "@/lib/humanos/client.test-support";
import type { RowResult } from "@/lib/humanos/results";
import { settleActiveRuns } from "./engine";
import { sweepRuns } from "./maintenance";
import { appendRows, loadFailedRows, type RunServiceDeps, resumeRun, startRun } from "./run-service";
import { runServiceHarness } from "./run-service.test-support";
import { finishRun, markRunStarted, recordChunkResults, requestCancel } from "./run-store";
import { getRunSummary } from "./run-summaries";

const harness = runServiceHarness();

/** Answers every subject with 200, except the contacts given, which get their item status. */
function answering(failures: Record<string, number>) {
  return (request: RecordedRequest): ScriptedReply => {
    const happy = echoSuccess(request).body as Array<{ status: number; message: string }>;
    return {
      status: 200,
      body: request.subjects.map((subject, index) =>
        failures[subject.contact]
          ? { status: failures[subject.contact], message: "Refused item", user: { contact: subject.contact } }
          : happy[index],
      ),
    };
  };
}

describeEachDatabase("fix and resend: only definite failures while Resume has rows to send", (use) => {
  let server: ScriptedServer;
  let deps: RunServiceDeps;
  beforeEach(async () => {
    ({ server, deps } = await harness.reset(use()));
  });
  const { subjects, draft } = harness;

  async function failedRowIndexes(runId: string): Promise<number[]> {
    const failed = await loadFailedRows(deps, { runId });
    if (!failed.ok) throw new Error(failed.error.message);
    return failed.rows.map((row) => row.rowIndex);
  }

  /** 200 rows in two chunks, and row 200 held back by the grid (refused before sending: final). */
  async function storedRun(): Promise<string> {
    const runId = await draft(201);
    const [extra] = subjects(1, 200);
    await appendRows(deps, "alice", {
      runId,
      rows: [...subjects(200), { ...extra, heldBack: "Contact: repeated in this batch (row 1)" }],
      last: true,
    });
    return runId;
  }

  /** What a chunk's rows got from Humanos: 200 each, except the rows given. */
  function itemAnswers(from: number, failures: Record<number, number>): RowResult[] {
    return subjects(100, from).map((row) => ({
      rowIndex: row.rowIndex,
      contact: row.subject.contact,
      status: failures[row.rowIndex] ?? 200,
      message: failures[row.rowIndex] ? "Refused item" : "User created",
      attempts: 1,
    }));
  }

  it("interrupted with a chunk in flight: its rows are left to Resume; after Resume its failures come back", async () => {
    const runId = await storedRun();
    await markRunStarted(deps.db, runId, "a-process-that-will-die");
    // The dead process had sent chunk 0 (no answer recorded: possibly created) and got chunk 1's answers.
    await recordChunkResults(deps.db, runId, 1, itemAnswers(100, { 150: 409 }));
    expect(await sweepRuns(deps.db, { atStartUp: true, embedded: true })).toMatchObject({ interrupted: 1 });
    expect(await getRunSummary(deps.db, runId)).toMatchObject({ state: "interrupted", resumableRows: 100 });
    expect(await failedRowIndexes(runId)).toStrictEqual([150, 200]);

    server.setScript(answering({ "person5@example.com": 400 }));
    expect(await resumeRun(deps, { runId })).toStrictEqual({ ok: true });
    await settleActiveRuns();
    expect(await getRunSummary(deps.db, runId)).toMatchObject({ state: "completed", resumableRows: 0 });
    // Nothing left to resume: every failure comes back, as before.
    expect(await failedRowIndexes(runId)).toStrictEqual([5, 150, 200]);
  });

  it.each<[string, (request: RecordedRequest) => ScriptedReply]>([
    ["unanswered after every retry (5xx)", () => ({ status: 503 })],
    [
      "refused whole (401)",
      () => ({ status: 401, body: { statusCode: 401, message: "Invalid signature", error: "Unauthorized" } }),
    ],
  ])(
    "a chunk %s is left to Resume; the other chunk's 4xx answers and the held-back row load",
    async (_name, fails) => {
      const answers = answering({ "person7@example.com": 402, "person8@example.com": 410 });
      server.setScript((request) =>
        request.subjects.some((subject) => subject.contact === "person100@example.com")
          ? fails(request)
          : answers(request),
      );
      const runId = await storedRun();
      await startRun(deps, "alice", { runId });
      await settleActiveRuns();
      expect(await getRunSummary(deps.db, runId)).toMatchObject({ state: "completed", resumableRows: 100 });
      expect(await failedRowIndexes(runId)).toStrictEqual([7, 8, 200]);
    },
  );

  it("cancelled: the chunks never sent are left to Resume", async () => {
    const runId = await storedRun();
    await markRunStarted(deps.db, runId, "this-process");
    await recordChunkResults(deps.db, runId, 0, itemAnswers(0, { 3: 407, 4: 408 }));
    await requestCancel(deps.db, runId);
    await finishRun(deps.db, runId, "cancelled");
    expect(await getRunSummary(deps.db, runId)).toMatchObject({
      state: "cancelled",
      resumableRows: 100,
      cancelledRows: 100,
    });
    expect(await failedRowIndexes(runId)).toStrictEqual([3, 4, 200]);
  });
});
