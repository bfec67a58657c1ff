/**
 * Pure editing operations on the paste grid. Each returns the new rows plus a patch that undoes and
 * redoes it exactly. Untouched rows keep their object identity (per-row validation caches key on it),
 * and patches hold only the rows that changed, so history stays small on 100,000-row grids.
 */
import { emptyGridCells, GRID_FIELDS, type GridCells, type GridField } from "./grid-fields";

/** One row object swapped for another at the same position. */
export interface RowChange {
  index: number;
  before: GridCells;
  after: GridCells;
}

/** A row taken out, at its index in the grid before the deletion. */
export interface RemovedRow {
  index: number;
  row: GridCells;
}

export type GridPatch =
  /** `changes` are below the old length; `appended` rows were added after the old last row. */
  | { kind: "replace"; changes: readonly RowChange[]; appended: readonly GridCells[] }
  | { kind: "insert"; at: number; inserted: readonly GridCells[] }
  /** `removed` is ascending; `filler` is the blank row added because the grid would have been empty. */
  | { kind: "delete"; removed: readonly RemovedRow[]; filler: GridCells | null };

export interface EditResult {
  rows: GridCells[];
  patch: GridPatch;
}

export interface CellUpdate {
  rowIndex: number;
  field: GridField;
  value: string;
}

/** A rectangular selection; both corners are inclusive and may come in either order (drag up/left). */
export interface GridRange {
  rowStart: number;
  rowEnd: number;
  fieldStart: GridField;
  fieldEnd: GridField;
}

export interface ReplaceOptions {
  matchCase: boolean;
  wholeCell: boolean;
}

const NO_CHANGE: GridPatch = { kind: "replace", changes: [], appended: [] };

export function isEmptyPatch(patch: GridPatch): boolean {
  switch (patch.kind) {
    case "replace":
      return patch.changes.length === 0 && patch.appended.length === 0;
    case "insert":
      return patch.inserted.length === 0;
    case "delete":
      return patch.removed.length === 0;
  }
}

export function setCell(rows: readonly GridCells[], rowIndex: number, field: GridField, value: string): EditResult {
  return setCells(rows, [{ rowIndex, field, value }]);
}

/**
 * Writes many cells at once (paste). Several updates to one row make a single new row object; a later
 * update to the same cell wins. Writing past the end grows the grid with blank rows so there are no holes.
 */
export function setCells(rows: readonly GridCells[], updates: readonly CellUpdate[]): EditResult {
  const pending = new Map<number, GridCells>();
  for (const { rowIndex, field, value } of updates) {
    if (!Number.isInteger(rowIndex) || rowIndex < 0) continue;
    let row = pending.get(rowIndex);
    if (!row) {
      row = { ...(rows[rowIndex] ?? emptyGridCells()) };
      pending.set(rowIndex, row);
    }
    row[field] = value;
  }
  let newLength = rows.length;
  for (const index of pending.keys()) newLength = Math.max(newLength, index + 1);
  const appended: GridCells[] = [];
  for (let index = rows.length; index < newLength; index += 1) {
    appended.push(pending.get(index) ?? emptyGridCells());
  }
  const changes: RowChange[] = [];
  for (const [index, after] of pending) {
    const before = rows[index];
    if (before && !sameCells(before, after)) changes.push({ index, before, after });
  }
  return commit(rows, { kind: "replace", changes: sortByIndex(changes), appended });
}

/** Delete key over a selection: blanks every selected cell. */
export function clearRange(rows: readonly GridCells[], range: GridRange): EditResult {
  const bounds = rangeBounds(rows, range);
  if (!bounds) return commit(rows, NO_CHANGE);
  const updates: CellUpdate[] = [];
  for (let rowIndex = bounds.first; rowIndex <= bounds.last; rowIndex += 1) {
    for (const field of bounds.fields) updates.push({ rowIndex, field, value: "" });
  }
  return setCells(rows, updates);
}

/** Copies the top row's selected cells into every other row of the selection, column by column. */
export function fillDown(rows: readonly GridCells[], range: GridRange): EditResult {
  const bounds = rangeBounds(rows, range);
  const source = bounds && rows[bounds.first];
  if (!bounds || !source) return commit(rows, NO_CHANGE);
  const updates: CellUpdate[] = [];
  for (let rowIndex = bounds.first + 1; rowIndex <= bounds.last; rowIndex += 1) {
    for (const field of bounds.fields) updates.push({ rowIndex, field, value: source[field] });
  }
  return setCells(rows, updates);
}

/**
 * Find and replace within one column. `count` is the number of cells whose text changed. An empty
 * `find` replaces nothing: matching "" everywhere would rewrite every cell of a huge grid by accident.
 */
export function replaceInColumn(
  rows: readonly GridCells[],
  field: GridField,
  find: string,
  replacement: string,
  options: ReplaceOptions,
): EditResult & { count: number } {
  if (find === "") return { ...commit(rows, NO_CHANGE), count: 0 };
  const escaped = find.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(options.wholeCell ? `^(?:${escaped})$` : escaped, options.matchCase ? "g" : "gi");
  const updates: CellUpdate[] = [];
  rows.forEach((row, rowIndex) => {
    // A function replacement keeps "$&" and friends in the user's text literal.
    const value = row[field].replace(pattern, () => replacement);
    if (value !== row[field]) updates.push({ rowIndex, field, value });
  });
  return { ...setCells(rows, updates), count: updates.length };
}

/** Indices may come in any order and repeat; out-of-range ones are ignored. The grid keeps one row. */
export function deleteRows(rows: readonly GridCells[], indices: readonly number[]): EditResult {
  const unique = [...new Set(indices)].filter((index) => Number.isInteger(index) && index >= 0);
  const removed: RemovedRow[] = [];
  for (const index of unique.sort((a, b) => a - b)) {
    const row = rows[index];
    if (row) removed.push({ index, row });
  }
  const filler = removed.length > 0 && removed.length === rows.length ? emptyGridCells() : null;
  return commit(rows, { kind: "delete", removed, filler });
}

/** Inserts `count` blank rows before `at` (clamped to the grid, so `rows.length` appends). */
export function insertRows(rows: readonly GridCells[], at: number, count: number): EditResult {
  const position = Math.max(0, Math.min(Math.trunc(at) || 0, rows.length));
  const inserted = Array.from({ length: Math.max(0, Math.trunc(count) || 0) }, emptyGridCells);
  return commit(rows, { kind: "insert", at: position, inserted });
}

/**
 * Replays a patch against the rows it was made from ("redo") or produced ("undo"). Throws when the rows
 * do not match, since applying a patch to the wrong rows would silently corrupt the operator's data.
 */
export function applyPatch(
  rows: readonly GridCells[],
  patch: GridPatch,
  direction: "undo" | "redo",
): GridCells[] {
  const undo = direction === "undo";
  switch (patch.kind) {
    case "replace": {
      if (undo && patch.appended.length > 0) expectRow(rows[rows.length - 1], patch.appended.at(-1));
      const next = undo ? rows.slice(0, rows.length - patch.appended.length) : rows.concat(patch.appended);
      for (const { index, before, after } of patch.changes) {
        expectRow(rows[index], undo ? after : before);
        next[index] = undo ? before : after;
      }
      return next;
    }
    case "insert": {
      const { at, inserted } = patch;
      if (!undo) return rows.slice(0, at).concat(inserted, rows.slice(at));
      if (inserted.length > 0) expectRow(rows[at], inserted[0]);
      return rows.slice(0, at).concat(rows.slice(at + inserted.length));
    }
    case "delete":
      return undo ? restoreRemoved(rows, patch.removed, patch.filler) : removeRows(rows, patch);
  }
}

function commit(rows: readonly GridCells[], patch: GridPatch): EditResult {
  // A no-op hands back the same array so React can skip the re-render.
  if (isEmptyPatch(patch)) return { rows: rows as GridCells[], patch };
  return { rows: applyPatch(rows, patch, "redo"), patch };
}

function removeRows(rows: readonly GridCells[], patch: Extract<GridPatch, { kind: "delete" }>): GridCells[] {
  const gone = new Set<number>();
  for (const { index, row } of patch.removed) {
    expectRow(rows[index], row);
    gone.add(index);
  }
  const next = rows.filter((_row, index) => !gone.has(index));
  if (patch.filler) next.push(patch.filler);
  return next;
}

function restoreRemoved(
  rows: readonly GridCells[],
  removed: readonly RemovedRow[],
  filler: GridCells | null,
): GridCells[] {
  if (filler) expectRow(rows[rows.length - 1], filler);
  const kept = filler ? rows.length - 1 : rows.length;
  const next: GridCells[] = [];
  let source = 0;
  for (const { index, row } of removed) {
    while (next.length < index && source < kept) next.push(rows[source++] as GridCells);
    next.push(row);
  }
  while (source < kept) next.push(rows[source++] as GridCells);
  return next;
}

function expectRow(actual: GridCells | undefined, expected: GridCells | undefined): void {
  if (actual !== expected) throw new Error("Grid patch does not match the rows it is applied to");
}

function rangeBounds(
  rows: readonly GridCells[],
  range: GridRange,
): { first: number; last: number; fields: GridField[] } | undefined {
  const first = Math.max(0, Math.min(range.rowStart, range.rowEnd));
  const last = Math.min(rows.length - 1, Math.max(range.rowStart, range.rowEnd));
  const a = GRID_FIELDS.indexOf(range.fieldStart);
  const b = GRID_FIELDS.indexOf(range.fieldEnd);
  if (first > last || a < 0 || b < 0) return undefined;
  return { first, last, fields: GRID_FIELDS.slice(Math.min(a, b), Math.max(a, b) + 1) };
}

function sameCells(a: GridCells, b: GridCells): boolean {
  return GRID_FIELDS.every((field) => a[field] === b[field]);
}

function sortByIndex(changes: RowChange[]): RowChange[] {
  return changes.sort((a, b) => a.index - b.index);
}
