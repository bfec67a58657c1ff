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
  | { kind: "delete"; removed: readonly RemovedRow[]; filler: GridCells | null }
  /** The whole grid replaced (a file load): both arrays of row references are kept. */
  | { kind: "swap"; before: readonly GridCells[]; after: readonly GridCells[] };

export interface EditResult {
  rows: GridCells[];
  patch: GridPatch;
}

export interface CellUpdate {
  rowIndex: number;
  field: GridField;
  value: string;
}

/**
 * A selection of visible rows across a span of columns. When the grid shows only rows with errors, the
 * selected visible rows need not be contiguous in the data, so rows are listed rather than bounded.
 */
export interface GridRange {
  /**
   * Data-row indices of the selected visible rows, in display (ascending) order. The operations
   * deduplicate and sort them ascending, and ignore indices that are negative, fractional or past the end.
   */
  rowIndices: readonly number[];
  /** Both column corners are inclusive and may come in either order (drag left). */
  fieldStart: GridField;
  fieldEnd: GridField;
}

export interface ReplaceOptions {
  matchCase: boolean;
  wholeCell: boolean;
}

const MISMATCH = "Grid patch does not match the rows it is applied to";
const NO_CHANGE: GridPatch = { kind: "replace", changes: [], appended: [] };

export function isEmptyPatch(patch: GridPatch): boolean {
  switch (patch.kind) {
    case "replace":
      return patch.changes.length === 0 && patch.appended.length === 0;
    case "insert":
      return patch.inserted.length === 0;
    case "swap":
      return patch.before === patch.after;
    case "delete":
      return patch.removed.length === 0;
  }
}

export function setCell(
  rows: readonly GridCells[],
  rowIndex: number,
  field: GridField,
  value: string,
): EditResult {
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
  changes.sort((a, b) => a.index - b.index);
  return commit(rows, { kind: "replace", changes, appended });
}

/** Delete key over a selection: blanks the selected cells of every listed row (rows between them are kept). */
export function clearRange(rows: readonly GridCells[], range: GridRange): EditResult {
  const bounds = rangeBounds(rows, range);
  if (!bounds) return commit(rows, NO_CHANGE);
  const updates: CellUpdate[] = [];
  for (const rowIndex of bounds.indices) {
    for (const field of bounds.fields) updates.push({ rowIndex, field, value: "" });
  }
  return setCells(rows, updates);
}

/**
 * Copies the first listed row's selected cells into every other listed row, column by column. Since
 * `rowIndices` are sorted ascending first, the source is always the topmost valid selected row, whatever
 * order the indices came in; unlisted rows in between (hidden by a filter) are left alone.
 */
export function fillDown(rows: readonly GridCells[], range: GridRange): EditResult {
  const bounds = rangeBounds(rows, range);
  const [sourceIndex, ...targets] = bounds?.indices ?? [];
  const source = sourceIndex === undefined ? undefined : rows[sourceIndex];
  if (!bounds || !source) return commit(rows, NO_CHANGE);
  const updates: CellUpdate[] = [];
  for (const rowIndex of targets) {
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
  const pattern = new RegExp(
    options.wholeCell ? `^(?:${escaped})$` : escaped,
    options.matchCase ? "g" : "gi",
  );
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
    case "swap":
      if (rows.length !== (undo ? patch.after : patch.before).length) throw new Error(MISMATCH);
      return (undo ? patch.before : patch.after).slice();
  }
}

/**
 * The patch from one grid to another computed from row identities (for edits made by other pure
 * functions, such as a paste). Only changed rows are stored, unless the grid shrank.
 */
export function patchBetween(before: readonly GridCells[], after: readonly GridCells[]): EditResult {
  if (after.length < before.length) return { rows: after.slice(), patch: { kind: "swap", before, after } };
  const changes: RowChange[] = [];
  for (let index = 0; index < before.length; index += 1) {
    const old = before[index] as GridCells;
    const next = after[index] as GridCells;
    if (old !== next) changes.push({ index, before: old, after: next });
  }
  return { rows: after.slice(), patch: { kind: "replace", changes, appended: after.slice(before.length) } };
}

/** Replaces the whole grid (a file load) as one undoable step. */
export function replaceAll(before: readonly GridCells[], after: readonly GridCells[]): EditResult {
  return { rows: after.slice(), patch: { kind: "swap", before, after } };
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
    if (next.length !== index) throw new Error(MISMATCH);
    next.push(row);
  }
  while (source < kept) next.push(rows[source++] as GridCells);
  return next;
}

function expectRow(actual: GridCells | undefined, expected: GridCells | undefined): void {
  if (actual !== expected) throw new Error(MISMATCH);
}

/** The selection's valid row indices (unique, ascending, inside the grid) and its columns in grid order. */
function rangeBounds(
  rows: readonly GridCells[],
  range: GridRange,
): { indices: number[]; fields: GridField[] } | undefined {
  const indices = [...new Set(range.rowIndices)]
    .filter((index) => Number.isInteger(index) && index >= 0 && index < rows.length)
    .sort((x, y) => x - y);
  const a = GRID_FIELDS.indexOf(range.fieldStart);
  const b = GRID_FIELDS.indexOf(range.fieldEnd);
  if (indices.length === 0 || a < 0 || b < 0) return undefined;
  return { indices, fields: GRID_FIELDS.slice(Math.min(a, b), Math.max(a, b) + 1) };
}

function sameCells(a: GridCells, b: GridCells): boolean {
  return GRID_FIELDS.every((field) => a[field] === b[field]);
}
