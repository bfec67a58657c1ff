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

function keysOf(cells: GridCells): RowKeys {
  let keys = keysByRow.get(cells);
  if (keys === undefined) {
    keys = { blank: isBlankRow(cells), contact: contactKey(cells.contact), identity: identityKey(cells) };
    keysByRow.set(cells, keys);
  }
  return keys;
}

function groupRowsByKey(rows: readonly RowKeys[], keyOf: (keys: RowKeys) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  rows.forEach((keys, index) => {
    if (keys.blank) return;
    const key = keyOf(keys);
    if (key === "") return;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [index]);
    else group.push(index);
  });
  return groups;
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
  groups: Map<string, number[]>,
  result: Map<number, CellErrors>,
  field: "contact" | "docId",
  message: (others: string, plural: boolean) => string,
): void {
  for (const group of groups.values()) {
    if (group.length < 2) continue;
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
 */
export function findBatchDuplicates(rows: readonly GridCells[]): Map<number, CellErrors> {
  const keys = rows.map(keysOf);
  const result = new Map<number, CellErrors>();
  addGroupErrors(
    groupRowsByKey(keys, (row) => row.contact),
    result,
    "contact",
    (others, plural) => `Also in ${plural ? "rows" : "row"} ${others}`,
  );
  addGroupErrors(
    groupRowsByKey(keys, (row) => row.identity),
    result,
    "docId",
    (others, plural) => `Same identity as ${plural ? "rows" : "row"} ${others}`,
  );
  return result;
}
