import { MAX_SUBJECTS_PER_REQUEST } from "@/lib/humanos/schemas";

/** Rows per appendRunRowsAction call after the first (the action's own limit). */
export const ROWS_PER_APPEND = 1000;

/**
 * How a submission's rows are uploaded: [start, end) row positions per call, in order. The first
 * call carries one request's rows only (and starts the run): the server sends them while the
 * browser uploads the next 1,000, instead of waiting for 1,000 rows to be encoded, checked and
 * stored first. Every later slice ends on a request boundary, so no request waits for two slices.
 */
export function uploadSlices(total: number): Array<[number, number]> {
  const slices: Array<[number, number]> = [];
  for (let start = 0; start < total; ) {
    const size = start === 0 ? MAX_SUBJECTS_PER_REQUEST : ROWS_PER_APPEND;
    const end = Math.min(total, start + size);
    slices.push([start, end]);
    start = end;
  }
  return slices;
}
