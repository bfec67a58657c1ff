/**
 * Finds rows that repeat a contact or an identity within one import. The API answers such rows with
 * item status 407 / 408, so the grid flags them before anything is sent.
 */
import type { CellErrors, GridCells } from "./grid-fields";
import { isBlankRow, isWhiteSpace } from "./validate-row";

/** How many other row numbers a message lists before it ends with "…". */
export const MAX_LISTED_ROWS = 3;

const WHITESPACE = /\s+/g;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the code units of `text`, continuing from `hash` (so a pair hashes as one text). */
function hashOf(text: string, hash = FNV_OFFSET): number {
  let next = hash;
  for (let index = 0; index < text.length; index += 1) {
    next = Math.imul(next ^ text.charCodeAt(index), FNV_PRIME);
  }
  return next;
}

// The scans below hash the key while they read the cell (one pass over its characters instead of
// two) and leave the hash here for their caller.
let scannedHash = 0;

/** `text` without white space: the same string when it has none (most cells), with no regex pass. */
function scanWithoutWhiteSpace(text: string, hash = FNV_OFFSET): string {
  let next = hash;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (isWhiteSpace(code)) {
      const compact = text.replace(WHITESPACE, "");
      scannedHash = hashOf(compact, hash);
      return compact;
    }
    next = Math.imul(next ^ code, FNV_PRIME);
  }
  scannedHash = next;
  return text;
}

const AT = 64;
const UPPER_A = 65;
const UPPER_Z = 90;
const LAST_ASCII = 127;

function scanContactKey(contact: string): string {
  // One pass decides the usual case (no white space; a phone, or an e-mail already in lower-case
  // ASCII): the key is the cell itself, and no new string is made.
  let email = false;
  let lowerAscii = true;
  let hash = FNV_OFFSET;
  for (let index = 0; index < contact.length; index += 1) {
    const code = contact.charCodeAt(index);
    if (isWhiteSpace(code)) {
      const compact = contact.replace(WHITESPACE, "");
      const key = compact.includes("@") ? compact.toLowerCase() : compact;
      scannedHash = hashOf(key);
      return key;
    }
    if (code === AT) email = true;
    else if ((code >= UPPER_A && code <= UPPER_Z) || code > LAST_ASCII) lowerAscii = false;
    hash = Math.imul(hash ^ code, FNV_PRIME);
  }
  if (email && !lowerAscii) {
    const key = contact.toLowerCase();
    scannedHash = hashOf(key);
    return key;
  }
  scannedHash = hash;
  return contact;
}

/** The server strips spaces from contacts, and e-mail addresses are compared case-insensitively. */
export function contactKey(contact: string): string {
  return scanContactKey(contact);
}

function countryKey(countryAlpha3: string): string {
  return countryAlpha3.trim().toUpperCase();
}

/** Country and document as the API compares them, or "" when either is missing. */
export function identityKey(cells: GridCells): string {
  const country = countryKey(cells.countryAlpha3);
  const docId = scanWithoutWhiteSpace(cells.docId);
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
 * The groups of rows (indices, in order of their second member, as a Map keyed by the key would give
 * them) that share a non-empty key: `keys[i]`, or the pair (`keys[i]`, `seconds[i]`) when `seconds` is
 * given; `hashes[i]` is the key's hash. An open-addressing table of row numbers in a typed array
 * instead of a Map of 100,000 strings (the Map's growth and entries were most of the search's time);
 * only repeated keys get an array.
 */
function repeatedGroups(
  keys: readonly string[],
  hashes: Int32Array,
  seconds?: readonly string[],
): number[][] {
  let size = 16;
  while (size < keys.length * 2) size *= 2;
  const mask = size - 1;
  // Row index + 1 per slot; 0 is empty.
  const slots = new Int32Array(size);
  const groups = new Map<number, number[]>();
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index] as string;
    if (key === "") continue;
    const second = seconds === undefined ? "" : (seconds[index] as string);
    let slot = (hashes[index] as number) & mask;
    for (;;) {
      const occupant = slots[slot] as number;
      if (occupant === 0) {
        slots[slot] = index + 1;
        break;
      }
      const first = occupant - 1;
      if (keys[first] === key && (seconds === undefined || seconds[first] === second)) {
        const group = groups.get(first);
        if (group === undefined) groups.set(first, [first, index]);
        else group.push(index);
        break;
      }
      slot = (slot + 1) & mask;
    }
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
  const result = new Map<number, CellErrors>();
  const contactHashes = new Int32Array(rows.length);
  const identityHashes = new Int32Array(rows.length);
  if (rememberKeys) {
    const keys = rows.map(keysOf);
    const contacts = keys.map((row) => (row.blank ? "" : row.contact));
    const identities = keys.map((row) => (row.blank ? "" : row.identity));
    for (let index = 0; index < rows.length; index += 1) {
      contactHashes[index] = hashOf(contacts[index] as string);
      identityHashes[index] = hashOf(identities[index] as string);
    }
    addGroupErrors(repeatedGroups(contacts, contactHashes), result, "contact", CONTACT_MESSAGE);
    addGroupErrors(repeatedGroups(identities, identityHashes), result, "docId", IDENTITY_MESSAGE);
    return result;
  }
  // No blank check: a non-empty key needs a cell with something besides white space, so a blank row
  // has only empty keys (trim() and /\s/ take the same characters as white space). The identity is
  // compared as its two parts, without building "country\0docId"; a part holding a NUL keeps the
  // joined text as its key so it meets exactly the keys it met joined.
  const contacts = new Array<string>(rows.length);
  const countries = new Array<string>(rows.length);
  const docIds = new Array<string>(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    const cells = rows[index] as GridCells;
    contacts[index] = scanContactKey(cells.contact);
    contactHashes[index] = scannedHash;
    const country = countryKey(cells.countryAlpha3);
    const docId = country === "" ? "" : scanWithoutWhiteSpace(cells.docId, hashOf(country));
    if (docId === "") {
      countries[index] = "";
      docIds[index] = "";
    } else if (country.includes("\u0000") || docId.includes("\u0000")) {
      countries[index] = `${country}\u0000${docId}`;
      docIds[index] = "\u0000";
      identityHashes[index] = hashOf(countries[index] as string);
    } else {
      countries[index] = country;
      docIds[index] = docId;
      identityHashes[index] = scannedHash;
    }
  }
  addGroupErrors(repeatedGroups(contacts, contactHashes), result, "contact", CONTACT_MESSAGE);
  addGroupErrors(repeatedGroups(countries, identityHashes, docIds), result, "docId", IDENTITY_MESSAGE);
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

/** Whether a string is one of `strings`: compared one by one when they are few, else looked up. */
function fewStrings(strings: ReadonlySet<string>): (text: string) => boolean {
  if (strings.size > 8) return (text) => strings.has(text);
  const list = [...strings];
  return (text) => {
    for (const item of list) if (item === text) return true;
    return false;
  };
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
  // An edit touches a key or two: comparing each row's keys with those few strings never hashes the
  // 100,000 keys (hashing them, the first time they are asked for, cost ~0.15 s in chromium).
  const touchesContact = fewStrings(contactKeys);
  const touchesIdentity = fewStrings(identityKeys);
  for (let index = 0; index < keys.length; index += 1) {
    const rowKeys = keys[index] as RowKeys;
    if (rowKeys.blank) continue;
    if (touchesContact(rowKeys.contact)) join(contactGroups, rowKeys.contact, index);
    if (touchesIdentity(rowKeys.identity)) join(identityGroups, rowKeys.identity, index);
  }
  const repeated = (groups: Map<string, number[]>) =>
    [...groups.values()].filter((group) => group.length > 1);
  addGroupErrors(repeated(contactGroups), map, "contact", CONTACT_MESSAGE);
  addGroupErrors(repeated(identityGroups), map, "docId", IDENTITY_MESSAGE);
  return { rows: after, map, keys };
}
