/**
 * The engine's in-flight limit and rate-limit pause, on a real database over real HTTP: the limit
 * (HUMANOS_CONCURRENCY, 2 here) holds for the whole process, so two runs share it and both make
 * progress, and a 429's Retry-After holds back the requests of every run, not just its chunk's.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/database.test-support";
import { createSendContext } from "@/lib/humanos/client";
import {
  API_KEY,
  echoSuccess,
  type RecordedRequest,
  type ScriptedServer,
  SIGNING_SECRET,
  startScriptedServer,
} from "@/lib/humanos/client.test-support";
import { settleActiveRuns } from "./engine";
import { appendRows, cancelRun, type RunServiceDeps, startRun } from "./run-service";
import { runServiceHarness } from "./run-service.test-support";
import { getRunSummary } from "./run-summaries";
import { processSendGate } from "./send-gate";

const harness = runServiceHarness();
/** Rows of the second run are numbered from here, so a request's contacts tell its run. */
const SECOND_RUN_FROM = 1000;
const REPLY_DELAY_MS = 30;

describeEachDatabase("engine: one in-flight limit per console process", (use) => {
  // A server of its own per test: its maxInFlight then counts this test's requests only.
  let server: ScriptedServer;
  let deps: RunServiceDeps;
  beforeEach(async () => {
    const reset = await harness.reset(use());
    server = await startScriptedServer();
    server.setReplyDelay(REPLY_DELAY_MS);
    deps = {
      ...reset.deps,
      engine: {
        db: reset.deps.db,
        concurrency: 2,
        // The real clock and sleep: Retry-After is waited out for real.
        send: createSendContext({
          baseUrl: server.baseUrl,
          apiKey: API_KEY,
          signingSecret: SIGNING_SECRET,
          timeoutMs: 5_000,
          maxAttempts: 3,
        }),
      },
    };
  });
  afterEach(async () => {
    await server.close();
    // The pause is the process's, as in production: a test must not leave one to the next.
    processSendGate(2).pauseUntil = 0;
  });

  async function storedRun(rowCount: number, from: number): Promise<string> {
    const runId = await harness.draft(rowCount);
    const stored = await appendRows(deps, "alice", {
      runId,
      rows: harness.subjects(rowCount, from),
      last: true,
    });
    expect(stored).toMatchObject({ ok: true, accepted: rowCount });
    return runId;
  }

  /** Stores two runs of `rowCount` rows, starts both at once and waits for both to end. */
  async function sendTwoRunsTogether(rowCount: number): Promise<[string, string]> {
    const first = await storedRun(rowCount, 0);
    const second = await storedRun(rowCount, SECOND_RUN_FROM);
    await Promise.all([
      startRun(deps, "alice", { runId: first }),
      startRun(deps, "alice", { runId: second }),
    ]);
    await settleActiveRuns();
    return [first, second];
  }

  function runOf(request: RecordedRequest): "first" | "second" {
    const index = Number(request.subjects[0]?.contact.match(/^person(\d+)@/)?.[1]);
    return index < SECOND_RUN_FROM ? "first" : "second";
  }

  async function expectCompleted(runId: string, rows: number) {
    expect(await getRunSummary(deps.db, runId)).toMatchObject({
      state: "completed",
      doneRows: rows,
      counts: [{ status: 200, count: rows }],
    });
  }

  it("one run of 1,000 rows never has more than 2 requests in flight, and does reach 2", async () => {
    const runId = await storedRun(1000, 0);
    await startRun(deps, "alice", { runId });
    await settleActiveRuns();
    expect(server.requests).toHaveLength(10);
    expect(server.maxInFlight).toBe(2);
    await expectCompleted(runId, 1000);
  });

  it("two runs started together never exceed 2 in flight in total, and take turns", async () => {
    const [first, second] = await sendTwoRunsTogether(1000);

    expect(server.requests).toHaveLength(20);
    expect(server.maxInFlight).toBe(2);
    // Neither waits for the other to finish: each sent at least 4 of the first 10 requests.
    const firstTen = server.requests.slice(0, 10).map(runOf);
    expect(firstTen.filter((run) => run === "first").length).toBeGreaterThanOrEqual(4);
    expect(firstTen.filter((run) => run === "second").length).toBeGreaterThanOrEqual(4);
    await expectCompleted(first, 1000);
    await expectCompleted(second, 1000);
  });

  it("after a 429 with Retry-After: 1, no request of any run reaches the server before the second has passed", async () => {
    const arrivals: Array<{ at: number; run: "first" | "second"; status: number }> = [];
    server.setScript((request) => {
      const status = arrivals.length === 0 ? 429 : 200;
      arrivals.push({ at: Date.now(), run: runOf(request), status });
      if (status === 200) return echoSuccess(request);
      return { status, headers: { "Retry-After": "1" }, body: { statusCode: 429, message: "Slow down" } };
    });
    const [first, second] = await sendTwoRunsTogether(1000);

    const answeredAt = (arrivals[0]?.at ?? Number.NaN) + REPLY_DELAY_MS;
    // A request already on the wire when the 429 was answered may arrive just after it (SLACK_MS);
    // the rest wait out the second (TOLERANCE_MS for timers and clock granularity).
    const SLACK_MS = 20;
    const TOLERANCE_MS = 25;
    const tooEarly = arrivals.filter(
      (arrival) => arrival.at > answeredAt + SLACK_MS && arrival.at < answeredAt + 1000 - TOLERANCE_MS,
    );
    expect(tooEarly.map((arrival) => ({ ...arrival, afterAnswerMs: arrival.at - answeredAt }))).toStrictEqual(
      [],
    );
    // Both runs went on after the pause: 10 chunks and the retry of the rate-limited one.
    const afterPause = arrivals.filter((arrival) => arrival.at >= answeredAt + 1000 - TOLERANCE_MS);
    expect(new Set(afterPause.map((arrival) => arrival.run))).toStrictEqual(new Set(["first", "second"]));
    expect(arrivals).toHaveLength(21);
    await expectCompleted(first, 1000);
    await expectCompleted(second, 1000);
  });

  it("a cancel during a 429's pause ends the run at once: the chunks waiting for it are cancelled, not sent", async () => {
    server.setScript((request) =>
      server.requests.length === 1
        ? { status: 429, headers: { "Retry-After": "30" }, body: { statusCode: 429, message: "Slow down" } }
        : echoSuccess(request),
    );
    const runId = await storedRun(500, 0);
    await startRun(deps, "alice", { runId });
    // The chunk sent alongside the rate-limited one has its answer stored: the process is paused.
    while (((await getRunSummary(deps.db, runId))?.doneRows ?? 0) < 100)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await cancelRun(deps, { runId })).toStrictEqual({ ok: true });
    await settleActiveRuns();

    expect(server.requests).toHaveLength(2);
    expect(await getRunSummary(deps.db, runId)).toMatchObject({
      state: "cancelled",
      doneRows: 500,
      resumableRows: 400,
      counts: [
        { status: 200, count: 100 },
        { status: "not-sent", count: 400 },
      ],
    });
  });
});
