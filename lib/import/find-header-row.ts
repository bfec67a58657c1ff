/**
 * Finds where the data starts in an imported table. Exports often open with a title, a blank line or
 * instructions above the header, and workbooks often have an instructions sheet before the data.
 */
import { detectHeader } from "./header-detection";

// One recognised label could be a title such as "Name"; two mapped columns make a real header row.
const MIN_MAPPED_COLUMNS = 2;

/** Index of the first of the first `maxRows` rows that is a header with ≥ 2 mapped columns, else -1. */
export function findHeaderRow(table: readonly (readonly string[])[], maxRows = 10): number {
  const limit = Math.min(maxRows, table.length);
  for (let index = 0; index < limit; index++) {
    const row = table[index];
    if (!row || row.length < MIN_MAPPED_COLUMNS) continue;
    const { isHeader, columns } = detectHeader(row, table[index + 1]);
    if (!isHeader) continue;
    if (columns.filter((target) => target !== null).length >= MIN_MAPPED_COLUMNS) return index;
  }
  return -1;
}

/**
 * Index of the sheet to preselect when a workbook has several: the first with a header row. Without
 * one anywhere, the first sheet that has any cells (else 0), so the caller always gets a valid index
 * and the operator can still map headerless data or pick another sheet.
 */
export function pickDataSheet(sheets: readonly { table: readonly (readonly string[])[] }[]): number {
  const withHeader = sheets.findIndex((sheet) => findHeaderRow(sheet.table) >= 0);
  if (withHeader >= 0) return withHeader;
  return Math.max(
    0,
    sheets.findIndex((sheet) => sheet.table.some((row) => row.some((cell) => cell !== ""))),
  );
}
