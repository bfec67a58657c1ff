import { MAX_SUBJECTS_PER_REQUEST } from "@/lib/humanos/schemas";

/** Rows per appendRunRowsAction call after the first (the action's own limit). */
export const ROWS_PER_APPEND = 1000;

/**
 * Encoded bytes of rows per appendRunRowsAction call: under the server actions' body limit
 * (4,194,304 bytes), leaving room for the call's own encoding.
 */
export const BYTES_PER_APPEND = 3_500_000;

/**
 * At most the bytes `value` takes as JSON in UTF-8: 6 per character (a character JSON escapes as
 * \uXXXX; no character takes more), plus every key and separator. Cheap enough to run on every row
 * before an upload; it only cuts slices short for rows of long cells (≥ ~500 characters a row).
 */
export function encodedBytesBound(value: unknown): number {
  if (typeof value === "string") return 6 * value.length + 2;
  if (value === null || typeof value !== "object") return 24;
  let bytes = 2;
  if (Array.isArray(value)) {
    for (const item of value) bytes += encodedBytesBound(item) + 1;
    return bytes;
  }
  for (const [key, item] of Object.entries(value)) bytes += 6 * key.length + 4 + encodedBytesBound(item);
  return bytes;
}

/** The exact bytes `value` takes as JSON in UTF-8. */
export function encodedBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? "").length;
}

/**
 * How a submission's rows are uploaded: [start, end) row positions per call, in order, given each
 * row's encoded size (at most; see encodedBytesBound). The first call carries one request's rows
 * only (and starts the run): the server sends them while the browser uploads the next ones. The
 * others carry up to 1,000 rows and up to BYTES_PER_APPEND bytes; every slice holds at least one
 * row (a row over the limit alone is refused up front: see rowsTooBigToUpload).
 */
export function uploadSlices(rowBytes: readonly number[]): Array<[number, number]> {
  const slices: Array<[number, number]> = [];
  const total = rowBytes.length;
  for (let start = 0; start < total; ) {
    const maxRows = start === 0 ? MAX_SUBJECTS_PER_REQUEST : ROWS_PER_APPEND;
    let end = start;
    let bytes = 0;
    while (end < total && end - start < maxRows) {
      const next = bytes + (rowBytes[end] ?? 0);
      if (end > start && next > BYTES_PER_APPEND) break;
      bytes = next;
      end += 1;
    }
    slices.push([start, end]);
    start = end;
  }
  return slices;
}

/**
 * The positions of rows that cannot be uploaded at all (over BYTES_PER_APPEND on their own), given
 * each row's bound; only those rows are measured exactly.
 */
export function rowsTooBigToUpload(rows: readonly unknown[], rowBytes: readonly number[]): number[] {
  const positions: number[] = [];
  rowBytes.forEach((bound, position) => {
    if (bound > BYTES_PER_APPEND && encodedBytes(rows[position]) > BYTES_PER_APPEND) positions.push(position);
  });
  return positions;
}

/** What the operator reads when rows are too big to store: which rows, and what to do. */
export function describeRowsTooBig(rowNumbers: readonly number[]): string {
  const named = rowNumbers.slice(0, 5).map((rowNumber) => rowNumber.toLocaleString("en-US"));
  const more = rowNumbers.length - named.length;
  const which =
    rowNumbers.length === 1
      ? `Row ${named[0]} holds`
      : `Rows ${named.join(", ")}${more > 0 ? ` and ${more.toLocaleString("en-US")} more` : ""} each hold`;
  return `${which} more than ${(BYTES_PER_APPEND / 1_000_000).toLocaleString("en-US")} MB of text, more than a row can be stored with. Shorten ${rowNumbers.length === 1 ? "its cells or delete it" : "their cells or delete them"}.`;
}
