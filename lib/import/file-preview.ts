/**
 * What the page needs of a read spreadsheet before the operator presses Load: each sheet's first
 * rows (header choice, mapping samples) and row count. The whole table stays in the import worker,
 * which maps it on Load (see mapSheetRowsInParts): structured-cloning 500,000 rows of strings to the page
 * held its main thread for seconds.
 */
import { type ColumnMapping, mapTableRows } from "./column-mapping";
import type { TextEncodingName } from "./decode-text";
import type { Delimiter } from "./detect-delimiter";
import { pickDataSheet } from "./find-header-row";
import type { GridCells } from "./grid-fields";
import type { SpreadsheetSource } from "./read-spreadsheet-file";

/** The header is looked for among the first 10 rows, the mapping's samples come from the 5 after it. */
export const PREVIEW_ROWS = 20;

/** The header row's index when the file has none: every row is data. */
export const NO_HEADER = -1;

/** The sheet, header row and mapping the operator chose. */
export interface MappingChoice {
  sheetIndex: number;
  headerRow: number;
  mapping: ColumnMapping;
}

export interface SheetPreview {
  name: string;
  /** Rows in the sheet, the header and any blank rows included. */
  rowCount: number;
  /** The sheet's first PREVIEW_ROWS rows. */
  firstRows: string[][];
}

export type FilePreview = (
  | { kind: "delimited"; encoding: TextEncodingName; delimiter: Delimiter }
  | { kind: "workbook" }
) & {
  sheets: SheetPreview[];
  /** The sheet to preselect (pickDataSheet, which looks at every row). */
  dataSheet: number;
};

export function previewOf(source: SpreadsheetSource): FilePreview {
  const sheets = source.sheets.map((sheet) => ({
    name: sheet.name,
    rowCount: sheet.table.length,
    firstRows: sheet.table.slice(0, PREVIEW_ROWS),
  }));
  const dataSheet = pickDataSheet(source.sheets);
  return source.kind === "delimited"
    ? { kind: "delimited", encoding: source.encoding, delimiter: source.delimiter, sheets, dataSheet }
    : { kind: "workbook", sheets, dataSheet };
}

/** Rows below the header (all of them without one), blank rows included. */
export function dataRowCount(rowCount: number, headerRow: number): number {
  return headerRow === NO_HEADER ? rowCount : Math.max(0, rowCount - headerRow - 1);
}

/**
 * The grid rows of one sheet under `mapping`, `partRows` of the sheet's rows at a time: its rows below
 * `headerRow`, blank rows left out. At least one part (maybe empty); the last says so.
 */
export function* mapSheetRowsInParts(
  source: SpreadsheetSource,
  sheetIndex: number,
  headerRow: number,
  mapping: ColumnMapping,
  partRows: number,
): Generator<{ rows: GridCells[]; last: boolean }> {
  const table = source.sheets[sheetIndex]?.table ?? [];
  let start = headerRow === NO_HEADER ? 0 : headerRow + 1;
  do {
    const end = start + partRows;
    yield { rows: mapTableRows(table.slice(start, end), mapping), last: end >= table.length };
    start = end;
  } while (start < table.length);
}

/** The most data rows one import may bring: a run holds at most 1,000,000 (MAX_ROWS_PER_RUN). */
export const MAX_IMPORT_ROWS = 1_000_000;

/** Why `dataRows` rows cannot be loaded into the grid at once, or null when they can. */
export function tooManyRowsMessage(
  fileName: string,
  dataRows: number,
  maxRows = MAX_IMPORT_ROWS,
): string | null {
  if (dataRows <= maxRows) return null;
  return (
    `${fileName} has ${dataRows.toLocaleString("en-US")} data rows; one run takes at most ` +
    `${maxRows.toLocaleString("en-US")}. Split it into smaller files and import them one after another.`
  );
}
