import { describe, expect, it } from "vitest";
import {
  applyPatch,
  clearRange,
  deleteRows,
  type EditResult,
  fillDown,
  type GridRange,
  insertRows,
  isEmptyPatch,
  type ReplaceOptions,
  replaceInColumn,
  setCell,
  setCells,
} from "./grid-edits";
import { emptyGridCells, type GridCells, type GridField } from "./grid-fields";

function cells(values: Partial<GridCells>): GridCells {
  return { ...emptyGridCells(), ...values };
}

/** Four rows; row 2 is blank so "unchanged" cases have a row to keep. */
function sampleRows(): GridCells[] {
  return [
    cells({ contact: "a@x.co", internalId: "A1", fullName: "Ana Silva", birth: "1990-01-01" }),
    cells({ contact: "b@x.co", internalId: "B2", fullName: "ana maria", birth: "1985-05-05" }),
    emptyGridCells(),
    cells({ contact: "d@x.co", internalId: "D4", fullName: "Anabela", birth: "" }),
  ];
}

function column(rows: readonly GridCells[], field: GridField): string[] {
  return rows.map((row) => row[field]);
}

/** Undo must give back the original objects; redo must give back the edited ones. */
function expectRoundTrip(original: readonly GridCells[], result: EditResult): void {
  const snapshot = structuredClone(original);
  const undone = applyPatch(result.rows, result.patch, "undo");
  expect(undone).toStrictEqual(snapshot);
  expect(undone).toHaveLength(original.length);
  undone.forEach((row, index) => expect(row).toBe(original[index]));
  const redone = applyPatch(undone, result.patch, "redo");
  expect(redone).toStrictEqual(result.rows);
  redone.forEach((row, index) => expect(row).toBe(result.rows[index]));
}

const RANGE: GridRange = { rowStart: 0, rowEnd: 3, fieldStart: "internalId", fieldEnd: "birth" };

describe("every operation undoes and redoes exactly", () => {
  it.each<[string, (rows: GridCells[]) => EditResult]>([
    ["setCell", (rows) => setCell(rows, 1, "fullName", "Bea")],
    ["setCells growing", (rows) => setCells(rows, [{ rowIndex: 6, field: "docId", value: "X" }])],
    ["clearRange", (rows) => clearRange(rows, RANGE)],
    ["fillDown", (rows) => fillDown(rows, RANGE)],
    ["replaceInColumn", (rows) => replaceInColumn(rows, "fullName", "ana", "Ann", { matchCase: false, wholeCell: false })],
    ["deleteRows", (rows) => deleteRows(rows, [3, 0])],
    ["deleteRows all", (rows) => deleteRows(rows, [0, 1, 2, 3])],
    ["insertRows middle", (rows) => insertRows(rows, 2, 3)],
    ["insertRows end", (rows) => insertRows(rows, 4, 1)],
  ])("%s", (_name, edit) => {
    const original = sampleRows();
    const result = edit(original);
    expect(isEmptyPatch(result.patch)).toBe(false);
    expectRoundTrip(original, result);
  });
});

describe("setCell", () => {
  it.each<[number, GridField, string]>([
    [0, "contact", "new@x.co"],
    [3, "countryAlpha3", "PRT"],
    [2, "fullName", "Filled"],
  ])("row %i %s := %s replaces only that row", (rowIndex, field, value) => {
    const original = sampleRows();
    const { rows, patch } = setCell(original, rowIndex, field, value);
    const before = original[rowIndex] as GridCells;
    const after = { ...before, [field]: value };
    expect(rows[rowIndex]).toStrictEqual(after);
    expect(patch).toStrictEqual({ kind: "replace", changes: [{ index: rowIndex, before, after }], appended: [] });
    rows.forEach((row, index) => (index === rowIndex ? expect(row).not.toBe(before) : expect(row).toBe(original[index])));
  });

  it("writing the value already there is a no-op that returns the same array", () => {
    const original = sampleRows();
    const result = setCell(original, 0, "fullName", "Ana Silva");
    expect(result.rows).toBe(original);
    expect(isEmptyPatch(result.patch)).toBe(true);
  });
});

describe("setCells", () => {
  it("merges several updates to one row into one change; the later write to a cell wins", () => {
    const original = sampleRows();
    const { rows, patch } = setCells(original, [
      { rowIndex: 1, field: "docId", value: "first" },
      { rowIndex: 1, field: "countryAlpha3", value: "ESP" },
      { rowIndex: 1, field: "docId", value: "second" },
    ]);
    const after = { ...(original[1] as GridCells), docId: "second", countryAlpha3: "ESP" };
    expect(patch).toStrictEqual({
      kind: "replace",
      changes: [{ index: 1, before: original[1], after }],
      appended: [],
    });
    expect(rows).toStrictEqual([original[0], after, original[2], original[3]]);
  });

  it.each<[string, number, number]>([
    ["one past the end", 4, 5],
    ["leaving a gap of blank rows", 6, 7],
  ])("grows the grid when writing %s", (_name, rowIndex, length) => {
    const original = sampleRows();
    const { rows, patch } = setCells(original, [
      { rowIndex: 0, field: "docId", value: "D" },
      { rowIndex, field: "contact", value: "new@x.co" },
    ]);
    const appended = Array.from({ length: length - 4 }, emptyGridCells);
    appended[appended.length - 1] = cells({ contact: "new@x.co" });
    expect(rows).toHaveLength(length);
    expect(rows.slice(4)).toStrictEqual(appended);
    expect(patch).toStrictEqual({
      kind: "replace",
      changes: [{ index: 0, before: original[0], after: { ...(original[0] as GridCells), docId: "D" } }],
      appended,
    });
    expect(rows.slice(1, 4).every((row, index) => row === original[index + 1])).toBe(true);
  });

  it("ignores negative and fractional row indices", () => {
    const original = sampleRows();
    const result = setCells(original, [
      { rowIndex: -1, field: "contact", value: "x" },
      { rowIndex: 1.5, field: "contact", value: "x" },
    ]);
    expect(result.rows).toBe(original);
    expect(isEmptyPatch(result.patch)).toBe(true);
  });
});

describe("clearRange", () => {
  it.each<[string, GridRange, number[]]>([
    ["top-left to bottom-right", { rowStart: 0, rowEnd: 1, fieldStart: "internalId", fieldEnd: "fullName" }, [0, 1]],
    ["corners reversed", { rowStart: 1, rowEnd: 0, fieldStart: "fullName", fieldEnd: "internalId" }, [0, 1]],
    ["rows past the end (clamped)", { rowStart: 1, rowEnd: 99, fieldStart: "internalId", fieldEnd: "fullName" }, [1, 3]],
  ])("blanks a multi-column selection: %s", (_name, range, changed) => {
    const original = sampleRows();
    const { rows, patch } = clearRange(original, range);
    const expected = original.map((row, index) =>
      changed.includes(index) ? { ...row, internalId: "", fullName: "" } : row,
    );
    expect(rows).toStrictEqual(expected);
    // The blank row 2 and rows outside the selection keep their identity.
    rows.forEach((row, index) => !changed.includes(index) && expect(row).toBe(original[index]));
    expect(patch.kind === "replace" && patch.changes.map((change) => change.index)).toStrictEqual(changed);
  });

  it("over blank cells only, changes nothing", () => {
    const original = sampleRows();
    const result = clearRange(original, { rowStart: 2, rowEnd: 2, fieldStart: "contact", fieldEnd: "countryAlpha3" });
    expect(result.rows).toBe(original);
  });
});

describe("fillDown", () => {
  it.each<[string, GridRange, Partial<GridCells>, number[]]>([
    ["two columns over all rows", RANGE, { internalId: "A1", fullName: "Ana Silva", birth: "1990-01-01" }, [1, 2, 3]],
    ["reversed corners from row 1", { rowStart: 3, rowEnd: 1, fieldStart: "birth", fieldEnd: "fullName" }, { fullName: "ana maria", birth: "1985-05-05" }, [2, 3]],
  ])("copies the top row's cells: %s", (_name, range, copied, changed) => {
    const original = sampleRows();
    const { rows } = fillDown(original, range);
    const expected = original.map((row, index) => (changed.includes(index) ? { ...row, ...copied } : row));
    expect(rows).toStrictEqual(expected);
    rows.forEach((row, index) => !changed.includes(index) && expect(row).toBe(original[index]));
  });

  it("a one-row selection has nothing to fill", () => {
    const original = sampleRows();
    expect(fillDown(original, { ...RANGE, rowEnd: 0 }).rows).toBe(original);
  });
});

describe("replaceInColumn", () => {
  const names = ["Ana Silva", "ana maria", "", "Anabela"];
  it.each<[string, string, ReplaceOptions, string[], number]>([
    ["ana", "Eva", { matchCase: false, wholeCell: false }, ["Eva Silva", "Eva maria", "", "Evabela"], 3],
    ["ana", "Eva", { matchCase: true, wholeCell: false }, ["Ana Silva", "Eva maria", "", "Anabela"], 1],
    ["ANA MARIA", "X", { matchCase: false, wholeCell: true }, ["Ana Silva", "X", "", "Anabela"], 1],
    ["ANA MARIA", "X", { matchCase: true, wholeCell: true }, names, 0],
    ["Ana", "X", { matchCase: true, wholeCell: true }, names, 0],
    ["a", "$&$1", { matchCase: true, wholeCell: false }, ["An$&$1 Silv$&$1", "$&$1n$&$1 m$&$1ri$&$1", "", "An$&$1bel$&$1"], 3],
    [".", "!", { matchCase: false, wholeCell: false }, names, 0],
    ["", "X", { matchCase: false, wholeCell: true }, names, 0],
  ])("find %j → %j %o", (find, replacement, options, expected, count) => {
    const original = sampleRows();
    const result = replaceInColumn(original, "fullName", find, replacement, options);
    expect(column(result.rows, "fullName")).toStrictEqual(expected);
    expect(result.count).toBe(count);
    expect(column(result.rows, "contact")).toStrictEqual(column(original, "contact"));
    result.rows.forEach((row, index) => expected[index] === names[index] && expect(row).toBe(original[index]));
  });
});

describe("deleteRows", () => {
  it.each<[string, number[], string[], number[]]>([
    ["one row", [1], ["a@x.co", "", "d@x.co"], [1]],
    ["unsorted", [3, 0], ["b@x.co", ""], [0, 3]],
    ["duplicates", [1, 1, 3, 1], ["a@x.co", ""], [1, 3]],
    ["out of range and fractional ignored", [-1, 2, 4, 0.5], ["a@x.co", "b@x.co", "d@x.co"], [2]],
  ])("%s", (_name, indices, contacts, removedIndices) => {
    const original = sampleRows();
    const { rows, patch } = deleteRows(original, indices);
    expect(column(rows, "contact")).toStrictEqual(contacts);
    expect(patch).toStrictEqual({
      kind: "delete",
      removed: removedIndices.map((index) => ({ index, row: original[index] })),
      filler: null,
    });
    const kept = original.filter((_row, index) => !removedIndices.includes(index));
    rows.forEach((row, index) => expect(row).toBe(kept[index]));
  });

  it.each<[string, number[]]>([
    ["in order", [0, 1, 2, 3]],
    ["shuffled with duplicates", [2, 3, 3, 0, 1, 0]],
  ])("deleting every row (%s) leaves one blank row", (_name, indices) => {
    const original = sampleRows();
    const result = deleteRows(original, indices);
    expect(result.rows).toStrictEqual([emptyGridCells()]);
    expect(result.patch.kind === "delete" && result.patch.filler).toBe(result.rows[0]);
    expectRoundTrip(original, result);
  });

  it("deleting nothing valid returns the same array", () => {
    const original = sampleRows();
    expect(deleteRows(original, [7, -2]).rows).toBe(original);
  });
});

describe("insertRows", () => {
  it.each<[number, number, string[]]>([
    [0, 1, ["", "a@x.co", "b@x.co", "", "d@x.co"]],
    [2, 2, ["a@x.co", "b@x.co", "", "", "", "d@x.co"]],
    [4, 1, ["a@x.co", "b@x.co", "", "d@x.co", ""]],
    [99, 1, ["a@x.co", "b@x.co", "", "d@x.co", ""]],
    [-5, 1, ["", "a@x.co", "b@x.co", "", "d@x.co"]],
  ])("at %i, %i row(s)", (at, count, contacts) => {
    const original = sampleRows();
    const { rows, patch } = insertRows(original, at, count);
    expect(column(rows, "contact")).toStrictEqual(contacts);
    const position = Math.max(0, Math.min(at, original.length));
    expect(patch).toStrictEqual({ kind: "insert", at: position, inserted: Array.from({ length: count }, emptyGridCells) });
    expect(new Set(rows).size).toBe(rows.length);
    original.forEach((row) => expect(rows).toContain(row));
  });

  it.each([0, -3])("count %i is a no-op", (count) => {
    const original = sampleRows();
    expect(insertRows(original, 1, count).rows).toBe(original);
  });
});

describe("applyPatch", () => {
  it.each<["undo" | "redo"]>([["undo"], ["redo"]])("refuses to %s onto rows the patch does not fit", (direction) => {
    const original = sampleRows();
    const { rows, patch } = setCell(original, 0, "contact", "z@x.co");
    const wrong = direction === "undo" ? original : rows;
    expect(() => applyPatch(wrong, patch, direction)).toThrow("Grid patch does not match");
  });
});
