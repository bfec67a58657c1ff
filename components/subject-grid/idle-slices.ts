"use client";

/** Without requestIdleCallback (no deadline), the time one timer callback may take. */
const TIMER_BUDGET_MS = 4;
/** The first piece, which measures how long an item takes. */
const FIRST_PIECE_ITEMS = 50;
/**
 * The coarsest step of performance.now() (100 µs in a page that is not cross-origin isolated): a
 * piece is taken to last at least this long, so one too quick for the clock ("0 ms") never makes
 * the next piece a whole slice.
 */
const CLOCK_STEP_MS = 0.1;

/**
 * How many items the next piece may take: what fits in `remainingMs` at the measured cost per item,
 * at least one, at most `sliceSize` (and FIRST_PIECE_ITEMS while nothing was measured).
 */
export function idlePieceSize(remainingMs: number, msPerItem: number | undefined, sliceSize: number): number {
  if (msPerItem === undefined) return Math.min(sliceSize, FIRST_PIECE_ITEMS);
  return Math.max(1, Math.min(sliceSize, Math.floor(remainingMs / msPerItem)));
}

/**
 * Runs `work` over `items` in order, in pieces of at most `sliceSize`, when the page is idle
 * (requestIdleCallback, or a timer where there is none), so background work never holds up input or
 * frames: each idle callback takes pieces only while its deadline has time left, each sized to what
 * fits (an idle period between two scroll frames is a few ms; a fixed slice of thousands of rows took
 * 15–30 ms and delayed the next frame). Returns a cancel function.
 */
export function runInIdleSlices<T>(
  items: readonly T[],
  sliceSize: number,
  work: (slice: readonly T[]) => void,
  now: () => number = () => performance.now(),
): () => void {
  let start = 0;
  let msPerItem: number | undefined;
  let handle: number | undefined;
  const schedule = (step: (deadline?: IdleDeadline) => void): number =>
    typeof requestIdleCallback === "function"
      ? requestIdleCallback(step)
      : window.setTimeout(() => step(), 0);
  const step = (deadline?: IdleDeadline) => {
    const timerEnd = now() + TIMER_BUDGET_MS;
    const remaining = () => (deadline ? deadline.timeRemaining() : timerEnd - now());
    do {
      const size = idlePieceSize(remaining(), msPerItem, sliceSize);
      const began = now();
      work(items.slice(start, start + size));
      msPerItem = Math.max(now() - began, CLOCK_STEP_MS) / size;
      start += size;
    } while (start < items.length && remaining() > 0);
    handle = start < items.length ? schedule(step) : undefined;
  };
  handle = schedule(step);
  return () => {
    if (handle === undefined) return;
    if (typeof cancelIdleCallback === "function") cancelIdleCallback(handle);
    else window.clearTimeout(handle);
    handle = undefined;
  };
}
