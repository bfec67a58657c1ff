"use client";

/**
 * Runs `work` over `items` a slice at a time when the page is idle (requestIdleCallback, or a timer
 * where there is none), so background work never holds up input or frames. Returns a cancel function.
 */
export function runInIdleSlices<T>(
  items: readonly T[],
  sliceSize: number,
  work: (slice: readonly T[]) => void,
): () => void {
  let start = 0;
  let handle: number | undefined;
  const schedule = (step: () => void): number =>
    typeof requestIdleCallback === "function" ? requestIdleCallback(step) : window.setTimeout(step, 0);
  const step = () => {
    work(items.slice(start, start + sliceSize));
    start += sliceSize;
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
