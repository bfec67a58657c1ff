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

/** One row from its separated cells (an object literal: one hidden class for every row, no loop). */
function rowOfLine(line: string): GridCells {
  const values = line.split(CELL_SEPARATOR);
  return {
    contact: values[0] ?? "",
    internalId: values[1] ?? "",
    fullName: values[2] ?? "",
    birth: values[3] ?? "",
    docId: values[4] ?? "",
    countryAlpha3: values[5] ?? "",
  };
}

export function decodeRows(encoded: EncodedRows): GridCells[] {
  if (encoded.count === 0) return [];
  if (encoded.format === "json") return JSON.parse(encoded.text) as GridCells[];
  return encoded.text.split(ROW_SEPARATOR).map(rowOfLine);
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
  const lines = encoded.text.split(ROW_SEPARATOR);
  const rows = new Array<GridCells>(lines.length);
  for (let start = 0; start < lines.length; start += sliceSize) {
    if (start > 0) await pause();
    const end = Math.min(lines.length, start + sliceSize);
    for (let index = start; index < end; index += 1) rows[index] = rowOfLine(lines[index] as string);
  }
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
  | { kind: "header"; rows: EncodedRows; unmappedColumns: string[] }
  | { kind: "plain"; table: EncodedTable };

export function encodePaste(pasted: PastedTable): EncodedPaste {
  return pasted.kind === "header"
    ? { kind: "header", rows: encodeRows(pasted.rows), unmappedColumns: pasted.unmappedColumns }
    : { kind: "plain", table: encodeTable(pasted.table) };
}

export function decodePaste(encoded: EncodedPaste): PastedTable {
  return encoded.kind === "header"
    ? { kind: "header", rows: decodeRows(encoded.rows), unmappedColumns: encoded.unmappedColumns }
    : { kind: "plain", table: decodeTable(encoded.table) };
}
