/** Shared fixtures and checks for the grid-edits tests (not itself a test file). */
import { expect } from "vitest";
import { applyPatch, type EditResult, type GridRange } from "./grid-edits";
import { emptyGridCells, type GridCells, type GridField } from "./grid-fields";

export function cells(values: Partial<GridCells>): GridCells {
  return { ...emptyGridCells(), ...values };
}

/** Four rows; row 2 is blank so "unchanged" cases have a row to keep. */
export function sampleRows(): GridCells[] {
  return [
    cells({ contact: "a@x.co", internalId: "A1", fullName: "Ana Silva", birth: "1990-01-01" }),
    cells({ contact: "b@x.co", internalId: "B2", fullName: "ana maria", birth: "1985-05-05" }),
    emptyGridCells(),
    cells({ contact: "d@x.co", internalId: "D4", fullName: "Anabela", birth: "" }),
  ];
}

/** Per position, whether the row is the very same object as in `reference`. */
export function sameObjects(rows: readonly GridCells[], reference: readonly GridCells[]): boolean[] {
  return rows.map((row, index) => row === reference[index]);
}

export function column(rows: readonly GridCells[], field: GridField): string[] {
  return rows.map((row) => row[field]);
}

/** Undo must give back the original objects; redo must give back the edited ones. */
export function expectRoundTrip(original: readonly GridCells[], result: EditResult): void {
  const snapshot = structuredClone(original);
  const undone = applyPatch(result.rows, result.patch, "undo");
  expect(undone).toStrictEqual(snapshot);
  expect(undone).toHaveLength(original.length);
  expect(sameObjects(undone, original).every(Boolean)).toBe(true);
  const redone = applyPatch(undone, result.patch, "redo");
  expect(redone).toStrictEqual(result.rows);
  expect(sameObjects(redone, result.rows).every(Boolean)).toBe(true);
}

/** Which of the four sample rows an edit must leave as the very same object. */
export function untouched(changed: readonly number[]): boolean[] {
  return [0, 1, 2, 3].map((index) => !changed.includes(index));
}

export function range(rowIndices: readonly number[], fieldStart: GridField, fieldEnd: GridField): GridRange {
  return { rowIndices, fieldStart, fieldEnd };
}

/** `count` distinct rows, for selections that skip rows hidden by the "only rows with errors" filter. */
export function gridOf(count: number): GridCells[] {
  return Array.from({ length: count }, (_unused, index) =>
    cells({
      contact: `r${index}@x.co`,
      internalId: `ID${index}`,
      fullName: `Name ${index}`,
      docId: `D${index}`,
    }),
  );
}

/** Which of `count` rows an edit must leave as the very same object. */
export function untouchedOf(count: number, changed: readonly number[]): boolean[] {
  return Array.from({ length: count }, (_unused, index) => !changed.includes(index));
}

export function changedIndices(result: EditResult): number[] | false {
  return result.patch.kind === "replace" && result.patch.changes.map((change) => change.index);
}

export const RANGE = range([0, 1, 2, 3], "internalId", "birth");
export const ANY_CASE = { matchCase: false, wholeCell: false };
