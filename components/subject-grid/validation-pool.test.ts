/**
 * The pool's lifecycle when a worker fails: the pool is dropped, every reply still awaited from it
 * fails at once (not after the 2-minute job timeout), and nothing left over from it can stop the
 * workers of the next pool. Workers are fakes that record what they are sent and answer on demand.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ValidationPool } from "./validation-pool";

class FakeWorker extends EventTarget {
  static created: FakeWorker[] = [];
  readonly received: Array<{ type: string; jobId: number }> = [];
  terminated = false;

  constructor() {
    super();
    FakeWorker.created.push(this);
  }

  postMessage(message: { type: string; jobId: number }): void {
    this.received.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Answers the last request of `type` with `body`. */
  answer(type: string, body: Record<string, unknown>): void {
    const request = this.received.findLast((message) => message.type === type);
    if (!request) throw new Error(`no ${type} request to answer`);
    this.dispatchEvent(
      Object.assign(new Event("message"), { data: { type, jobId: request.jobId, ...body } }),
    );
  }

  fail(message: string): void {
    this.dispatchEvent(Object.assign(new Event("error"), { message }));
  }
}

const OPTIONS = { defaultRegion: "PT", today: "2026-11-27" } as const;
const PROFILE_REPLY = { profile: { birth: null, docIdDigitLengths: [] }, duplicates: [] };

beforeEach(() => {
  FakeWorker.created = [];
  vi.useFakeTimers();
  vi.stubGlobal("Worker", FakeWorker);
  vi.stubGlobal("navigator", { hardwareConcurrency: 2 });
  // The pool reads a failed worker's message from an ErrorEvent, as browsers send it.
  vi.stubGlobal("ErrorEvent", Event);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("ValidationPool when a worker fails", () => {
  it("drops the pool and fails the other worker's awaited replies at once", async () => {
    const pool = new ValidationPool();
    pool.prepare(OPTIONS);
    const [first, second] = FakeWorker.created as [FakeWorker, FakeWorker];
    const profile = pool.profile([]);
    const outcome = profile.then(
      () => "answered",
      (error: Error) => error.message,
    );

    second.fail("out of memory");

    expect(first.terminated && second.terminated).toBe(true);
    await expect(outcome).resolves.toBe("grid workers were stopped");
    // No reply of the dropped pool is still waiting on a timer.
    expect(vi.getTimerCount()).toBe(0);
  });

  it("starts fresh workers for the next job, which nothing of the dropped pool can stop", async () => {
    const pool = new ValidationPool();
    pool.prepare(OPTIONS); // each worker's warm-up reply awaited from here, for up to 120 s
    const [, second] = FakeWorker.created as [FakeWorker, FakeWorker];
    vi.advanceTimersByTime(60_000);
    second.fail("out of memory");

    const profile = pool.profile([]);
    const [third, fourth] = FakeWorker.created.slice(2) as [FakeWorker, FakeWorker];
    expect(third.received.map((message) => message.type)).toContain("profile");
    // Past the first pool's job timeout (120 s after its warm-up), within the new job's.
    vi.advanceTimersByTime(61_000);
    expect(third.terminated || fourth.terminated).toBe(false);

    third.answer("profile", PROFILE_REPLY);
    await expect(profile).resolves.toEqual({ profile: PROFILE_REPLY.profile, duplicates: new Map() });
    expect(third.terminated || fourth.terminated).toBe(false);
  });

  it("still gives up on a worker that never answers, and then drops its pool", async () => {
    const pool = new ValidationPool();
    pool.prepare(OPTIONS);
    const [first, second] = FakeWorker.created as [FakeWorker, FakeWorker];
    first.answer("warm-up", {});
    second.answer("warm-up", {});
    const outcome = pool.profile([]).then(
      () => "answered",
      (error: Error) => error.message,
    );
    vi.advanceTimersByTime(120_000);
    await expect(outcome).resolves.toBe("grid worker gave no answer in 120 s");
    expect(first.terminated && second.terminated).toBe(true);
  });
});

describe("ValidationPool holding the warm-up for a paste on its way", () => {
  const TARGET = { rowIndex: 0, field: null };
  const pasteRequests = (worker: FakeWorker) =>
    worker.received.filter((message) => message.type === "paste-validate") as Array<Record<string, unknown>>;
  const holds = (worker: FakeWorker) =>
    worker.received
      .filter((message) => message.type === "hold-warm-up")
      .map((message) => (message as unknown as { held: boolean }).held);

  it("hands the second worker its part through the first once both are idle, and resumes the warm-up", async () => {
    const pool = new ValidationPool();
    pool.prepare(OPTIONS);
    const [first, second] = FakeWorker.created as [FakeWorker, FakeWorker];
    const resume = pool.holdWarmUp();
    expect([holds(first), holds(second)]).toEqual([[true], [true]]);
    first.answer("hold-warm-up", {});
    second.answer("hold-warm-up", {});
    await Promise.resolve();

    void pool.pasteIntoBlankGrid("a\tb\r\n", TARGET, 0).catch(() => {});
    expect(pasteRequests(first)).toEqual([expect.objectContaining({ role: "first", handsOver: true })]);
    expect(pasteRequests(second)).toEqual([expect.not.objectContaining({ text: expect.anything() })]);

    resume();
    expect([holds(first), holds(second)]).toEqual([
      [true, false],
      [true, false],
    ]);
  });

  it("sends each worker the text while a worker has not said it is idle", async () => {
    const pool = new ValidationPool();
    pool.prepare(OPTIONS);
    const [first, second] = FakeWorker.created as [FakeWorker, FakeWorker];
    pool.holdWarmUp();
    first.answer("hold-warm-up", {}); // the second is still in a warm-up slice
    await Promise.resolve();

    void pool.pasteIntoBlankGrid("a\tb\r\n", TARGET, 0).catch(() => {});
    expect(pasteRequests(first)).toEqual([expect.objectContaining({ handsOver: false })]);
    expect(pasteRequests(second)).toEqual([expect.objectContaining({ text: "a\tb\r\n" })]);
  });

  it("holds nothing once the warm-up is over", async () => {
    const pool = new ValidationPool();
    pool.prepare(OPTIONS);
    const [first, second] = FakeWorker.created as [FakeWorker, FakeWorker];
    first.answer("warm-up", {});
    second.answer("warm-up", {});
    await Promise.resolve();
    await Promise.resolve();

    pool.holdWarmUp()();
    expect([holds(first), holds(second)]).toEqual([[], []]);
  });
});
