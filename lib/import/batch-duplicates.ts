/**
 * Finds rows that repeat a contact or an identity within one import. The API answers such rows with
 * item status 407 / 408, so the grid flags them before anything is sent.
 */
import type { CellErrors, GridCells } from "./grid-fields";
import { isBlankRow } from "./validate-row";

/** How many other row numbers a message lists before it ends with "…". */
export const MAX_LISTED_ROWS = 3;

const WHITESPACE = /\s+/g;

/** The server strips spaces from contacts, and e-mail addresses are compared case-insensitively. */
export function contactKey(contact: string): string {
  const compact = contact.replace(WHITESPACE, "");
  return compact.includes("@") ? compact.toLowerCase() : compact;
}

/** Country and document as the API compares them, or "" when either is missing. */
export function identityKey(cells: GridCells): string {
  const country = cells.countryAlpha3.trim().toUpperCase();
  const docId = cells.docId.replace(WHITESPACE, "");
  if (country === "" || docId === "") return "";
  // A separator that cannot occur in either part keeps ("AB", "C…") apart from ("A", "BC…").
  return `${country}\u0000${docId}`;
}

interface RowKeys {
  blank: boolean;
  contact: string;
  identity: string;
}

// Rows are immutable: a row's keys are computed once, so re-checking a 100,000-row grid after one
// edit costs only the grouping, not 100,000 normalisations.
const keysByRow = new WeakMap<GridCells, RowKeys>();

function rowKeys(cells: GridCells): RowKeys {
  return { blank: isBlankRow(cells), contact: contactKey(cells.contact), identity: identityKey(cells) };
}

function keysOf(cells: GridCells): RowKeys {
  let keys = keysByRow.get(cells);
  if (keys === undefined) {
    keys = rowKeys(cells);
    keysByRow.set(cells, keys);
  }
  return keys;
}

/**
 * The groups of rows (indices, in order) that share a non-empty key. Only repeated keys get an
 * array: a 100,000-row paste of distinct contacts allocates two maps, not 100,000 arrays.
 */
/**
 * Computes and remembers the keys of `rows` (the page calls this in idle time after the workers have
 * checked a big paste, so the first edit after it does not compute 100,000 rows' keys at once).
 */
export function rememberRowKeys(rows: readonly GridCells[]): void {
  for (const row of rows) keysOf(row);
}

function repeatedGroups(rows: readonly RowKeys[], keyOf: (keys: RowKeys) => string): number[][] {
  const firstIndexByKey = new Map<string, number>();
  const groups = new Map<string, number[]>();
  for (let index = 0; index < rows.length; index += 1) {
    const keys = rows[index] as RowKeys;
    if (keys.blank) continue;
    const key = keyOf(keys);
    if (key === "") continue;
    const first = firstIndexByKey.get(key);
    if (first === undefined) {
      firstIndexByKey.set(key, index);
      continue;
    }
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [first, index]);
    else group.push(index);
  }
  return [...groups.values()];
}

/**
 * "7" or "3, 7, 9" or "3, 7, 9, …": the 1-based numbers of the other rows in the group. Only the
 * first few members are looked at, so a group of n rows costs O(n) overall, not O(n²).
 */
function otherRowNumbers(group: readonly number[], self: number): { text: string; count: number } {
  const listed: number[] = [];
  for (const index of group) {
    if (index === self) continue;
    if (listed.length === MAX_LISTED_ROWS)
      return { text: `${listed.join(", ")}, …`, count: group.length - 1 };
    listed.push(index + 1);
  }
  return { text: listed.join(", "), count: listed.length };
}

function addGroupErrors(
  groups: readonly number[][],
  result: Map<number, CellErrors>,
  field: "contact" | "docId",
  message: (others: string, plural: boolean) => string,
): void {
  for (const group of groups) {
    for (const index of group) {
      const others = otherRowNumbers(group, index);
      const errors = result.get(index) ?? {};
      errors[field] = message(others.text, others.count > 1);
      result.set(index, errors);
    }
  }
}

/**
 * Maps each row index that repeats another non-blank row's contact or identity to its errors:
 * "Also in row 7" on contact, "Same identity as row 7" on docId. Rows without duplicates are absent.
 * `rememberKeys: false` skips the per-row key cache, for callers that see each row once (a worker
 * validating a paste): filling a WeakMap with 100,000 rows costs more than the keys themselves.
 */
export function findBatchDuplicates(
  rows: readonly GridCells[],
  { rememberKeys = true }: { rememberKeys?: boolean } = {},
): Map<number, CellErrors> {
  const keys = rows.map(rememberKeys ? keysOf : rowKeys);
  const result = new Map<number, CellErrors>();
  addGroupErrors(
    repeatedGroups(keys, (row) => row.contact),
    result,
    "contact",
    (others, plural) => `Also in ${plural ? "rows" : "row"} ${others}`,
  );
  addGroupErrors(
    repeatedGroups(keys, (row) => row.identity),
    result,
    "docId",
    (others, plural) => `Same identity as ${plural ? "rows" : "row"} ${others}`,
  );
  return result;
}
