// Frozen copy of lib/import/batch-duplicates.ts as it was before the row-check speed work (commit 22c462b), so
// row-checks.equivalence.test.ts can prove the faster code gives the same verdicts. Do not optimise.
/**
 * Finds rows that repeat a contact or an identity within one import. The API answers such rows with
 * item status 407 / 408, so the grid flags them before anything is sent.
 */
import type { CellErrors, GridCells } from "../grid-fields";
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

/** What the repeat check compares of a row. */
export interface RowKeys {
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

/** The keys of `rows`, in order (remembered per row, so asking again for the same rows is cheap). */
export function rowKeysOf(rows: readonly GridCells[]): RowKeys[] {
  return rows.map(keysOf);
}

/**
 * The groups of rows (indices, in order) that share a non-empty key. Only repeated keys get an
 * array: a 100,000-row paste of distinct contacts allocates two maps, not 100,000 arrays.
 */
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
      // A new object: `result` may have started as a copy of another map that shares its entries.
      result.set(index, { ...result.get(index), [field]: message(others.text, others.count > 1) });
    }
  }
}

const CONTACT_MESSAGE = (others: string, plural: boolean) => `Also in ${plural ? "rows" : "row"} ${others}`;
const IDENTITY_MESSAGE = (others: string, plural: boolean) =>
  `Same identity as ${plural ? "rows" : "row"} ${others}`;

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
    CONTACT_MESSAGE,
  );
  addGroupErrors(
    repeatedGroups(keys, (row) => row.identity),
    result,
    "docId",
    IDENTITY_MESSAGE,
  );
  return result;
}

/** The positions whose row object differs, or null when there are more than `limit` (or the lengths differ). */
function changedPositions(
  before: readonly GridCells[],
  after: readonly GridCells[],
  limit: number,
): number[] | null {
  if (before.length !== after.length) return null;
  const changed: number[] = [];
  for (let index = 0; index < after.length; index += 1) {
    if (before[index] === after[index]) continue;
    if (changed.length === limit) return null;
    changed.push(index);
  }
  return changed;
}

/** The repeats among `rows`, and (once known) the rows' keys in order, for refreshDuplicates. */
export interface RepeatState {
  rows: readonly GridCells[];
  map: ReadonlyMap<number, CellErrors>;
  keys?: readonly RowKeys[];
}

/**
 * findBatchDuplicates(after), computed from the repeats of `previous.rows` when at most `limit` rows
 * were replaced in place (an edit, a fill, a replace; not a deletion or insertion, which moves row
 * numbers): only the keys those rows had or have are grouped again, over the keys by position (taken
 * from `previous.keys`, or read once), so one edit in a 100,000-row grid costs one pass over an array
 * instead of two 100,000-key maps. Null when the change is wider.
 */
export function refreshDuplicates(
  previous: RepeatState,
  after: readonly GridCells[],
  limit: number,
): RepeatState | null {
  const before = previous.rows;
  const changed = changedPositions(before, after, limit);
  if (changed === null) return null;
  const keys = (previous.keys ?? rowKeysOf(before)).slice();
  if (changed.length === 0) return { rows: after, map: previous.map, keys };
  const contactKeys = new Set<string>();
  const identityKeys = new Set<string>();
  for (const index of changed) {
    const old = keys[index] as RowKeys;
    const current = keysOf(after[index] as GridCells);
    keys[index] = current;
    for (const rowKeys of [old, current]) {
      if (rowKeys.blank) continue;
      contactKeys.add(rowKeys.contact);
      identityKeys.add(rowKeys.identity);
    }
  }
  contactKeys.delete("");
  identityKeys.delete("");
  const changedSet = new Set(changed);
  const map = new Map<number, CellErrors>();
  // Keep every message that no changed key touches.
  for (const [index, errors] of previous.map) {
    const rowKeys = keys[index] as RowKeys;
    const kept: CellErrors = { ...errors };
    if (changedSet.has(index) || contactKeys.has(rowKeys.contact)) delete kept.contact;
    if (changedSet.has(index) || identityKeys.has(rowKeys.identity)) delete kept.docId;
    if (kept.contact !== undefined || kept.docId !== undefined) map.set(index, kept);
  }
  // Group again the rows that have one of the touched keys.
  const contactGroups = new Map<string, number[]>();
  const identityGroups = new Map<string, number[]>();
  const join = (groups: Map<string, number[]>, key: string, index: number) => {
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [index]);
    else group.push(index);
  };
  for (let index = 0; index < keys.length; index += 1) {
    const rowKeys = keys[index] as RowKeys;
    if (rowKeys.blank) continue;
    if (contactKeys.has(rowKeys.contact)) join(contactGroups, rowKeys.contact, index);
    if (identityKeys.has(rowKeys.identity)) join(identityGroups, rowKeys.identity, index);
  }
  const repeated = (groups: Map<string, number[]>) =>
    [...groups.values()].filter((group) => group.length > 1);
  addGroupErrors(repeated(contactGroups), map, "contact", CONTACT_MESSAGE);
  addGroupErrors(repeated(identityGroups), map, "docId", IDENTITY_MESSAGE);
  return { rows: after, map, keys };
}
