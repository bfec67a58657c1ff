import { afterEach, describe, expect, it, vi } from "vitest";
import { idlePieceSize, runInIdleSlices } from "./idle-slices";

describe("idlePieceSize", () => {
  it.each([
    { case: "first piece, nothing measured", remaining: 10, perItem: undefined, slice: 5000, size: 50 },
    { case: "first piece, smaller slice", remaining: 10, perItem: undefined, slice: 20, size: 20 },
    { case: "what fits in the time left", remaining: 4, perItem: 0.004, slice: 5000, size: 1000 },
    { case: "never above the slice", remaining: 50, perItem: 0.004, slice: 5000, size: 5000 },
    { case: "at least one item, even with no time left", remaining: 0, perItem: 0.004, slice: 5000, size: 1 },
  ])("$case", ({ remaining, perItem, slice, size }) => {
    expect(idlePieceSize(remaining, perItem, slice)).toBe(size);
  });
});

describe("runInIdleSlices", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** A page whose idle periods last `idleMs`, on a fake clock that the work advances. */
  function fakeIdlePage(idleMs: number) {
    let clock = 0;
    let lastHandle = 0;
    const callbacks = new Map<number, (deadline: IdleDeadline) => void>();
    vi.stubGlobal("requestIdleCallback", (callback: (deadline: IdleDeadline) => void) => {
      lastHandle += 1;
      callbacks.set(lastHandle, callback);
      return lastHandle;
    });
    vi.stubGlobal("cancelIdleCallback", (handle: number) => callbacks.delete(handle));
    return {
      now: () => clock,
      advance: (ms: number) => {
        clock += ms;
      },
      /** Runs the oldest pending idle callback in a fresh idle period; returns how long it took. */
      idle: () => {
        const [handle, callback] = [...callbacks][0] ?? [];
        if (handle === undefined || callback === undefined) return 0;
        callbacks.delete(handle);
        const began = clock;
        callback({ didTimeout: false, timeRemaining: () => Math.max(0, began + idleMs - clock) });
        return clock - began;
      },
    };
  }

  /**
   * Runs 20,000 items in slices of 5,000 on a page whose idle periods last 5 ms, each item taking
   * `msPerItem` on its clock (read through `readClock`, if given, as the page would); returns the items
   * done and how long each idle callback took.
   */
  function runOnIdlePage(msPerItem: number, readClock?: (exactMs: number) => number) {
    const page = fakeIdlePage(5);
    const items = Array.from({ length: 20_000 }, (_, index) => index);
    const done: number[] = [];
    runInIdleSlices(
      items,
      5000,
      (slice) => {
        done.push(...slice);
        page.advance(slice.length * msPerItem);
      },
      readClock ? () => readClock(page.now()) : page.now,
    );
    const durations: number[] = [];
    while (done.length < items.length && durations.length < 1000) durations.push(page.idle());
    return { items, done, durations };
  }

  it("does every item once, in order, and each idle callback ends about when its idle period does", () => {
    // 3 µs an item: a 5,000-row slice would take 15 ms.
    const { items, done, durations } = runOnIdlePage(0.003);
    expect(done).toEqual(items);
    // The idle period is 5 ms: no callback runs much past it (never a whole 15 ms slice).
    expect(Math.max(...durations)).toBeLessThanOrEqual(5 + 0.003 * 50);
    // And the time is used: about 5 ms of work per period, not one small piece.
    expect(durations.length).toBeLessThanOrEqual(Math.ceil((20_000 * 0.003) / 5) + 2);
  });

  it("a first piece too quick for a coarse clock does not make the next piece a whole slice", () => {
    // The page's clock moves in 100 µs steps; an item takes 1.5 µs, so 50 items read as 0 ms and a
    // 5,000-row slice would take 7.5 ms, past the 5 ms idle period.
    const { items, done, durations } = runOnIdlePage(0.0015, (exactMs) => Math.floor(exactMs / 0.1) * 0.1);
    expect(done).toEqual(items);
    expect(Math.max(...durations)).toBeLessThanOrEqual(5 + 0.2);
  });

  it("stops when cancelled", () => {
    const page = fakeIdlePage(1);
    const done: number[] = [];
    const cancel = runInIdleSlices(
      Array.from({ length: 1000 }, (_, index) => index),
      100,
      (slice) => {
        done.push(...slice);
        page.advance(slice.length * 0.01);
      },
      page.now,
    );
    page.idle();
    const before = done.length;
    expect(before).toBeGreaterThan(0);
    cancel();
    page.idle();
    expect(done.length).toBe(before);
  });
});
