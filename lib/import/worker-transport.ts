/**
 * Moving rows and verdicts between the page and the validation workers cheaply. Structured-cloning
 * 100,000 row objects costs ~0.5 s of main thread; one string and one typed array cost a few ms.
 */

import type { PastedTable } from "./apply-paste";
import { GRID_FIELDS, type GridCells } from "./grid-fields";
import type { RowVerdict } from "./validate-grid";

const CELL_SEPARATOR = "\u001f";
const ROW_SEPARATOR = "\u001e";

/** Rows as one string (control separators), or as JSON when a cell itself holds a separator. */
export type EncodedRows =
  | { format: "separated"; text: string; count: number }
  | { format: "json"; text: string; count: number };

export function encodeRows(rows: readonly GridCells[]): EncodedRows {
  // One array of cells and separators joined once: half the time of a string per row then a join.
  const parts = new Array<string>(rows.length * 12);
  let length = 0;
  for (const row of rows) {
    for (const field of GRID_FIELDS) {
      const cell = row[field];
      if (cell.includes(CELL_SEPARATOR) || cell.includes(ROW_SEPARATOR)) {
        return { format: "json", text: JSON.stringify(rows), count: rows.length };
      }
      parts[length++] = cell;
      parts[length++] = CELL_SEPARATOR;
    }
    parts[length - 1] = ROW_SEPARATOR;
  }
  parts.length = Math.max(0, length - 1);
  return { format: "separated", text: parts.join(""), count: rows.length };
}

/**
 * encodeRows a slice at a time, awaiting `pause()` between slices: one EncodedRows per slice. On the
 * page, encoding 540,000 rows for the grid's workers at once held the main thread for 0.35–0.8 s
 * (bench/file-import.mjs).
 */
export async function encodeRowsInSlices(
  rows: readonly GridCells[],
  sliceSize: number,
  pause: () => Promise<void>,
): Promise<EncodedRows[]> {
  const parts: EncodedRows[] = [];
  for (let start = 0; start < rows.length; start += sliceSize) {
    if (start > 0) await pause();
    parts.push(encodeRows(rows.slice(start, start + sliceSize)));
  }
  return parts;
}

/**
 * `rows` cut into `shareCount` consecutive shares (one per worker, in order) and encoded: at once
 * when there are at most `sliceSize` rows, else each share a slice per `pause()` (encodeRowsInSlices).
 */
export function encodeShares(
  rows: readonly GridCells[],
  shareCount: number,
  sliceSize: number,
  pause: () => Promise<void>,
): EncodedRows[][] | Promise<EncodedRows[][]> {
  const shareSize = Math.ceil(rows.length / shareCount);
  const shareOf = (share: number) => rows.slice(share * shareSize, (share + 1) * shareSize);
  if (rows.length <= sliceSize)
    return Array.from({ length: shareCount }, (_, share) => [encodeRows(shareOf(share))]);
  return Promise.all(
    Array.from({ length: shareCount }, (_, share) => encodeRowsInSlices(shareOf(share), sliceSize, pause)),
  );
}

/** The rows of encoded parts, in order: encodeRowsInSlices read back. */
export function decodeRowParts(parts: readonly EncodedRows[]): GridCells[] {
  if (parts.length === 1) return decodeRows(parts[0] as EncodedRows);
  const rows: GridCells[] = [];
  for (const part of parts) for (const row of decodeRows(part)) rows.push(row);
  return rows;
}

const SHAPE_ERROR = `encoded rows are not rows of ${GRID_FIELDS.length} cells`;

/**
 * Reads `count` separated rows of `text` from `position` (a row's start) into `rows` from `at`, and
 * returns where the next row starts. indexOf and slice, not split: no array per row, and half the
 * time of split on the page (75 against 150 ms per 100,000 rows in node). Each row is an object
 * literal, so every row shares one hidden class.
 */
function readSeparatedRows(
  text: string,
  position: number,
  count: number,
  rows: GridCells[],
  at: number,
): number {
  let start = position;
  for (let index = at; index < at + count; index += 1) {
    const afterContact = text.indexOf(CELL_SEPARATOR, start);
    const afterInternalId = text.indexOf(CELL_SEPARATOR, afterContact + 1);
    const afterFullName = text.indexOf(CELL_SEPARATOR, afterInternalId + 1);
    const afterBirth = text.indexOf(CELL_SEPARATOR, afterFullName + 1);
    const afterDocId = text.indexOf(CELL_SEPARATOR, afterBirth + 1);
    const rowEnd = text.indexOf(ROW_SEPARATOR, afterDocId + 1);
    const end = rowEnd === -1 ? text.length : rowEnd;
    // A separator missing sends indexOf back to -1 or to the text's start.
    if (afterContact < start || afterDocId <= afterContact) throw new Error(SHAPE_ERROR);
    rows[index] = {
      contact: text.slice(start, afterContact),
      internalId: text.slice(afterContact + 1, afterInternalId),
      fullName: text.slice(afterInternalId + 1, afterFullName),
      birth: text.slice(afterFullName + 1, afterBirth),
      docId: text.slice(afterBirth + 1, afterDocId),
      countryAlpha3: text.slice(afterDocId + 1, end),
    };
    start = end + 1;
  }
  return start;
}

export function decodeRows(encoded: EncodedRows): GridCells[] {
  if (encoded.count === 0) return [];
  if (encoded.format === "json") return JSON.parse(encoded.text) as GridCells[];
  const rows = new Array<GridCells>(encoded.count);
  checkEnd(encoded, readSeparatedRows(encoded.text, 0, encoded.count, rows, 0));
  return rows;
}

/** The rows end just past the text's end: anything else is a text encodeRows did not write. */
function checkEnd(encoded: EncodedRows, next: number): void {
  if (next !== encoded.text.length + 1) throw new Error(`${SHAPE_ERROR} (${encoded.count} expected)`);
}

/**
 * decodeRows a slice at a time, awaiting `pause()` between slices: on the page, decoding 100,000 rows
 * at once would hold the main thread for a quarter of a second.
 */
export async function decodeRowsInSlices(
  encoded: EncodedRows,
  sliceSize: number,
  pause: () => Promise<void>,
): Promise<GridCells[]> {
  if (encoded.count === 0 || encoded.format === "json") return decodeRows(encoded);
  const rows = new Array<GridCells>(encoded.count);
  let position = 0;
  for (let start = 0; start < encoded.count; start += sliceSize) {
    if (start > 0) await pause();
    const count = Math.min(sliceSize, encoded.count - start);
    position = readSeparatedRows(encoded.text, position, count, rows, start);
  }
  checkEnd(encoded, position);
  return rows;
}

const KIND_CODES = { blank: 0, valid: 1, invalid: 2 } as const;
const BLANK: RowVerdict = { kind: "blank" };
const PLAIN_VALID: RowVerdict = { kind: "valid", sent: {}, warnings: [] };

/** Most rows are blank or valid with nothing to say: those travel as one byte each. */
export interface EncodedVerdicts {
  kinds: Uint8Array;
  /** [position, verdict] for every verdict that carries errors, warnings or changed values. */
  details: Array<[number, RowVerdict]>;
}

function isEmpty(object: object): boolean {
  for (const _key in object) return false;
  return true;
}

function isPlain(verdict: RowVerdict): boolean {
  return (
    verdict.kind === "blank" ||
    (verdict.kind === "valid" && verdict.warnings.length === 0 && isEmpty(verdict.sent))
  );
}

/** The verdicts of `items`, each asked of `verdictOf` and encoded at once (no list of 100,000 verdicts). */
export function encodeVerdictsOf<T>(
  items: readonly T[],
  verdictOf: (item: T) => RowVerdict,
): EncodedVerdicts {
  const kinds = new Uint8Array(items.length);
  const details: Array<[number, RowVerdict]> = [];
  for (let position = 0; position < items.length; position += 1) {
    const verdict = verdictOf(items[position] as T);
    kinds[position] = KIND_CODES[verdict.kind];
    if (!isPlain(verdict)) details.push([position, verdict]);
  }
  return { kinds, details };
}

export function encodeVerdicts(verdicts: readonly RowVerdict[]): EncodedVerdicts {
  return encodeVerdictsOf(verdicts, (verdict) => verdict);
}

/** How many of the encoded verdicts are valid rows. */
export function countValid(encoded: EncodedVerdicts): number {
  let count = 0;
  for (const kind of encoded.kinds) if (kind === KIND_CODES.valid) count += 1;
  return count;
}

export function decodeVerdicts(encoded: EncodedVerdicts): RowVerdict[] {
  const verdicts = new Array<RowVerdict>(encoded.kinds.length);
  for (let position = 0; position < encoded.kinds.length; position += 1) {
    verdicts[position] = encoded.kinds[position] === KIND_CODES.blank ? BLANK : PLAIN_VALID;
  }
  for (const [position, verdict] of encoded.details) verdicts[position] = verdict;
  return verdicts;
}

/** A pasted table (ragged rows of strings) as one string, or JSON when a cell holds a separator. */
export type EncodedTable = { format: "separated" | "json"; text: string; count: number };

export function encodeTable(table: readonly (readonly string[])[]): EncodedTable {
  const hasSeparator = table.some((row) =>
    row.some((cell) => cell.includes(CELL_SEPARATOR) || cell.includes(ROW_SEPARATOR)),
  );
  if (hasSeparator) return { format: "json", text: JSON.stringify(table), count: table.length };
  return {
    format: "separated",
    text: table.map((row) => row.join(CELL_SEPARATOR)).join(ROW_SEPARATOR),
    count: table.length,
  };
}

export function decodeTable(encoded: EncodedTable): string[][] {
  if (encoded.count === 0) return [];
  if (encoded.format === "json") return JSON.parse(encoded.text) as string[][];
  return encoded.text.split(ROW_SEPARATOR).map((line) => line.split(CELL_SEPARATOR));
}

export type EncodedPaste =
  | { kind: "header"; header: string[]; rows: EncodedRows; unmappedColumns: string[] }
  | { kind: "plain"; table: EncodedTable };

export function encodePaste(pasted: PastedTable): EncodedPaste {
  return pasted.kind === "header"
    ? {
        kind: "header",
        header: pasted.header,
        rows: encodeRows(pasted.rows),
        unmappedColumns: pasted.unmappedColumns,
      }
    : { kind: "plain", table: encodeTable(pasted.table) };
}

export function decodePaste(encoded: EncodedPaste): PastedTable {
  return encoded.kind === "header"
    ? {
        kind: "header",
        header: encoded.header,
        rows: decodeRows(encoded.rows),
        unmappedColumns: encoded.unmappedColumns,
      }
    : { kind: "plain", table: decodeTable(encoded.table) };
}
