import { MAX_SUBJECTS_PER_REQUEST } from "@/lib/humanos/schemas";

/** The most rows one appendRunRowsAction call carries (the action's own limit, MAX_ROWS_PER_APPEND). */
export const ROWS_PER_APPEND = 2000;
/** How much bigger each slice is than the one before it, until ROWS_PER_APPEND. */
export const SLICE_GROWTH = 4;

/**
 * How a submission's rows are uploaded: [start, end) row positions per call, in order. The first
 * call carries one request's rows only (and starts the run), so the server sends them while the
 * browser uploads the next ones; each later slice is SLICE_GROWTH times the one before it (400,
 * 1,600, then 2,000 a call), so the upload soon runs well ahead of the sending instead of keeping
 * pace with it: with slices of one size the server ran out of stored rows to send whenever the
 * browser was slow to send the next slice. Every slice but the last ends on a request boundary, so
 * no request waits for two slices.
 */
export function uploadSlices(total: number): Array<[number, number]> {
  const slices: Array<[number, number]> = [];
  let size = MAX_SUBJECTS_PER_REQUEST;
  for (let start = 0; start < total; ) {
    const end = Math.min(total, start + size);
    slices.push([start, end]);
    start = end;
    size = Math.min(ROWS_PER_APPEND, size * SLICE_GROWTH);
  }
  return slices;
}

/**
 * A slice too big for one call (its JSON longer than `maxChars`: rows with very long cells) is cut
 * in two at a request boundary, again and again, down to one request's rows. Returns the pieces in
 * order, each with its rows' JSON.
 */
export function slicesWithinSize<T>(
  rows: readonly T[],
  [start, end]: [number, number],
  maxChars: number,
): Array<{ start: number; end: number; json: string }> {
  const json = JSON.stringify(rows.slice(start, end));
  const requests = Math.ceil((end - start) / MAX_SUBJECTS_PER_REQUEST);
  if (json.length <= maxChars || requests <= 1) return [{ start, end, json }];
  const middle = start + Math.ceil(requests / 2) * MAX_SUBJECTS_PER_REQUEST;
  return [
    ...slicesWithinSize(rows, [start, middle], maxChars),
    ...slicesWithinSize(rows, [middle, end], maxChars),
  ];
}
