/**
 * Row-level facts shared by the importers. (Validation itself is lib/import/normalise-rows.ts, which
 * also detects spreadsheet damage, and lib/import/validate-grid.ts, which adds batch-wide checks.)
 */
import { GRID_FIELDS, type GridCells } from "./grid-fields";

/** A row with nothing in it (whitespace and NBSP count as nothing): never sent, never an error. */
export function isBlankRow(cells: GridCells): boolean {
  for (const field of GRID_FIELDS) if (cells[field].trim() !== "") return false;
  return true;
}

const WHITESPACE = /\s+/g;

/**
 * The white space of trim() and /\s/ (ECMAScript's WhiteSpace and LineTerminator), by UTF-16 code
 * unit: row-checks.equivalence.test.ts checks all 65,536 against the regex.
 */
export function isWhiteSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `text.replace(/\s+/g, "")`, without the regex pass (or a new string) when there is no white space. */
export function withoutWhiteSpace(text: string): string {
  for (let index = 0; index < text.length; index += 1) {
    if (isWhiteSpace(text.charCodeAt(index))) return text.replace(WHITESPACE, "");
  }
  return text;
}
