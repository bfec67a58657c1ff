import { describe, expect, it } from "vitest";
import { createSendPermits, fairestWaiter, type ReleasePermit, type SendPermits } from "./send-permits";

describe("fairestWaiter", () => {
  it.each<{ label: string; waiting: string[]; held: Record<string, number>; expected: number }>([
    { label: "one waiter", waiting: ["a"], held: {}, expected: 0 },
    { label: "equals: the one that waited longest", waiting: ["a", "b"], held: {}, expected: 0 },
    { label: "the owner holding fewer goes first", waiting: ["a", "b"], held: { a: 1 }, expected: 1 },
    { label: "fewer beats earlier", waiting: ["a", "a", "b", "c"], held: { a: 2, b: 1 }, expected: 3 },
    { label: "earliest of the fewest", waiting: ["a", "b", "c", "b"], held: { a: 1 }, expected: 1 },
  ])("$label", ({ waiting, held, expected }) => {
    expect(
      fairestWaiter(
        waiting.map((owner) => ({ owner })),
        (owner) => held[owner] ?? 0,
      ),
    ).toBe(expected);
  });
});

/** Lets every promise callback queued so far run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("createSendPermits", () => {
  it("grants at most `capacity` at once and hands a freed permit to the next waiter", async () => {
    const permits = createSendPermits(2);
    const granted: ReleasePermit[] = [];
    for (let i = 0; i < 4; i++) {
      permits.acquire("run").then((release) => {
        if (release) granted.push(release);
      });
    }
    await settle();
    expect([granted.length, permits.held, permits.waiting]).toStrictEqual([2, 2, 2]);
    granted[0]?.();
    granted[0]?.(); // a second release of the same permit gives nothing back
    await settle();
    expect([granted.length, permits.held, permits.waiting]).toStrictEqual([3, 2, 1]);
  });

  /** Runs `senders` loops for `run`, each taking a permit per request and asking again at once. */
  function sendersOf(permits: SendPermits, order: string[], run: string, senders: number, requests: number) {
    return Array.from({ length: senders }, async () => {
      for (let i = 0; i < requests; i++) {
        const release = await permits.acquire(run);
        order.push(run);
        await settle();
        release?.();
      }
    });
  }

  it("two runs that keep asking alternate: the first does not starve the second", async () => {
    const permits = createSendPermits(2);
    const order: string[] = [];
    await Promise.all([
      ...sendersOf(permits, order, "first", 2, 5),
      ...sendersOf(permits, order, "second", 2, 5),
    ]);
    expect(order).toHaveLength(20);
    // After the first two grants (both free permits, taken by the run that asked first), the
    // runs take turns.
    expect(order.slice(0, 10).filter((run) => run === "second")).toHaveLength(4);
    expect(order.join(" ")).not.toMatch(/(first ){3}|(second ){3}/);
  });

  it("a waiter whose run is cancelled leaves the queue and takes nothing", async () => {
    const permits = createSendPermits(1);
    const first = await permits.acquire("a");
    const cancel = new AbortController();
    const cancelled = permits.acquire("b", cancel.signal);
    const next = permits.acquire("c");
    cancel.abort();
    expect(await cancelled).toBeUndefined();
    expect(permits.waiting).toBe(1);
    first?.();
    expect(await next).toBeTypeOf("function");
    expect(permits.held).toBe(1);
    expect(await permits.acquire("d", AbortSignal.abort())).toBeUndefined();
  });

  it("a permit released after an error is free again", async () => {
    const permits = createSendPermits(1);
    const failing = async () => {
      const release = await permits.acquire("a");
      try {
        throw new Error("the request failed");
      } finally {
        release?.();
      }
    };
    await expect(failing()).rejects.toThrow("the request failed");
    expect(permits.held).toBe(0);
    expect(await permits.acquire("b")).toBeTypeOf("function");
  });

  it("a raised capacity grants to waiters at once; a lowered one waits for releases", async () => {
    const permits = createSendPermits(1);
    const releases = [await permits.acquire("a")];
    const waiting = [permits.acquire("a"), permits.acquire("b")];
    permits.setCapacity(3);
    releases.push(...(await Promise.all(waiting)));
    expect(permits.held).toBe(3);
    permits.setCapacity(1);
    let late = false;
    permits.acquire("c").then(() => {
      late = true;
    });
    releases[0]?.();
    releases[1]?.();
    await settle();
    expect(late).toBe(false);
    releases[2]?.();
    await settle();
    expect(late).toBe(true);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses a capacity of %s", (capacity) => {
    expect(() => createSendPermits(capacity)).toThrow(RangeError);
  });
});
