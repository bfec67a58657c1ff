import { describe, expect, it } from "vitest";
import {
  applyPatch,
  clearRange,
  deleteRows,
  type EditResult,
  fillDown,
  insertRows,
  isEmptyPatch,
  patchBetween,
  replaceAll,
  replaceInColumn,
  setCell,
  setCells,
} from "./grid-edits";
import {
  ANY_CASE,
  cells,
  column,
  expectRoundTrip,
  RANGE,
  range,
  sameObjects,
  sampleRows,
  untouched,
} from "./grid-edits.test-support";
import { emptyGridCells, type GridCells, type GridField } from "./grid-fields";

describe("every operation undoes and redoes exactly", () => {
  it.each<[string, (rows: GridCells[]) => EditResult]>([
    ["setCell", (rows) => setCell(rows, 1, "fullName", "Bea")],
    ["setCells growing", (rows) => setCells(rows, [{ rowIndex: 6, field: "docId", value: "X" }])],
    ["clearRange", (rows) => clearRange(rows, RANGE)],
    ["clearRange non-contiguous", (rows) => clearRange(rows, range([3, 0], "contact", "fullName"))],
    ["fillDown", (rows) => fillDown(rows, RANGE)],
    ["fillDown non-contiguous", (rows) => fillDown(rows, range([0, 3], "birth", "contact"))],
    ["replaceInColumn", (rows) => replaceInColumn(rows, "fullName", "ana", "A", ANY_CASE)],
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

describe("edits that change nothing return the same array and an empty patch", () => {
  it.each<[string, (rows: GridCells[]) => EditResult]>([
    ["setCell to the current value", (rows) => setCell(rows, 0, "fullName", "Ana Silva")],
    [
      "setCells at a negative row",
      (rows) => setCells(rows, [{ rowIndex: -1, field: "contact", value: "x" }]),
    ],
    [
      "setCells at a fractional row",
      (rows) => setCells(rows, [{ rowIndex: 1.5, field: "docId", value: "x" }]),
    ],
    ["clearRange over blank cells", (rows) => clearRange(rows, range([2], "contact", "countryAlpha3"))],
    ["clearRange of no rows", (rows) => clearRange(rows, range([], "contact", "countryAlpha3"))],
    [
      "clearRange of only out-of-range rows",
      (rows) => clearRange(rows, range([-1, 4, 99, 0.5], "contact", "countryAlpha3")),
    ],
    ["fillDown of a one-row selection", (rows) => fillDown(rows, { ...RANGE, rowIndices: [0] })],
    [
      "fillDown of one row plus out-of-range ones",
      (rows) => fillDown(rows, range([7, 1, -2, 1.5], "contact", "birth")),
    ],
    ["fillDown of a repeated row", (rows) => fillDown(rows, range([3, 3, 3], "contact", "birth"))],
    ["fillDown of no rows", (rows) => fillDown(rows, range([], "contact", "birth"))],
    ["replaceInColumn without matches", (rows) => replaceInColumn(rows, "fullName", "zz", "y", ANY_CASE)],
    ["deleteRows of absent rows", (rows) => deleteRows(rows, [7, -2])],
    ["insertRows of 0 rows", (rows) => insertRows(rows, 1, 0)],
    ["insertRows of -3 rows", (rows) => insertRows(rows, 1, -3)],
  ])("%s", (_name, edit) => {
    const original = sampleRows();
    const result = edit(original);
    expect(result.rows).toBe(original);
    expect(isEmptyPatch(result.patch)).toBe(true);
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
    expect(patch).toStrictEqual({
      kind: "replace",
      changes: [{ index: rowIndex, before, after }],
      appended: [],
    });
    expect(sameObjects(rows, original)).toStrictEqual(untouched([rowIndex]));
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
});

describe("replaceInColumn", () => {
  const names = ["Ana Silva", "ana maria", "", "Anabela"];
  // [find, replacement, matchCase, wholeCell, fullName column after, count]
  it.each<[string, string, boolean, boolean, string[], number]>([
    ["ana", "Eva", false, false, ["Eva Silva", "Eva maria", "", "Evabela"], 3],
    ["ana", "Eva", true, false, ["Ana Silva", "Eva maria", "", "Anabela"], 1],
    ["ANA MARIA", "X", false, true, ["Ana Silva", "X", "", "Anabela"], 1],
    ["ANA MARIA", "X", true, true, names, 0],
    ["Ana", "X", true, true, names, 0],
    ["a", "$&$1", true, false, ["An$&$1 Silv$&$1", "$&$1n$&$1 m$&$1ri$&$1", "", "An$&$1bel$&$1"], 3],
    [".", "!", false, false, names, 0],
    ["ana", "ana", false, false, ["ana Silva", "ana maria", "", "anabela"], 2],
    ["", "X", false, true, names, 0],
  ])(
    "find %j → %j (matchCase %s, wholeCell %s)",
    (find, replacement, matchCase, wholeCell, expected, count) => {
      const original = sampleRows();
      const result = replaceInColumn(original, "fullName", find, replacement, { matchCase, wholeCell });
      expect(column(result.rows, "fullName")).toStrictEqual(expected);
      expect(result.count).toBe(count);
      expect(column(result.rows, "contact")).toStrictEqual(column(original, "contact"));
      expect(sameObjects(result.rows, original)).toStrictEqual(
        expected.map((name, index) => name === names[index]),
      );
    },
  );
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
    expect(sameObjects(rows, kept)).toStrictEqual(kept.map(() => true));
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
    expect(patch).toStrictEqual({
      kind: "insert",
      at: position,
      inserted: Array.from({ length: count }, emptyGridCells),
    });
    expect(new Set(rows).size).toBe(rows.length);
    expect(rows.filter((row) => original.includes(row))).toStrictEqual(original);
  });
});

describe("applyPatch", () => {
  it.each<[string, (rows: GridCells[]) => EditResult, "undo" | "redo"]>([
    ["setCell", (rows) => setCell(rows, 0, "contact", "z@x.co"), "undo"],
    ["setCell", (rows) => setCell(rows, 0, "contact", "z@x.co"), "redo"],
    ["deleteRows", (rows) => deleteRows(rows, [1]), "redo"],
    ["insertRows", (rows) => insertRows(rows, 1, 1), "undo"],
  ])("refuses to apply a %s patch (%s) onto rows it does not fit", (_name, edit, direction) => {
    const original = sampleRows();
    const result = edit(original);
    // Undo expects the edited rows, redo the original ones: hand each the other.
    const wrong = direction === "undo" ? original : result.rows;
    expect(() => applyPatch(wrong, result.patch, direction)).toThrow("Grid patch does not match");
  });
});

describe("patchBetween and replaceAll", () => {
  const a = { ...emptyGridCells(), contact: "a@example.com" };
  const b = { ...emptyGridCells(), contact: "b@example.com" };
  const c = { ...emptyGridCells(), contact: "c@example.com" };
  it.each<[string, GridCells[], GridCells[]]>([
    ["a changed row", [a, b], [a, c]],
    ["appended rows", [a], [a, b, c]],
    ["a shrunk grid", [a, b, c], [c]],
    ["nothing changed", [a, b], [a, b]],
  ])("%s: undo then redo restore the exact rows", (_name, before, after) => {
    const { rows, patch } = patchBetween(before, after);
    expect(rows).toEqual(after);
    const undone = applyPatch(rows, patch, "undo");
    expect(undone).toHaveLength(before.length);
    undone.forEach((row, index) => {
      expect(row).toBe(before[index]);
    });
    const redone = applyPatch(undone, patch, "redo");
    redone.forEach((row, index) => {
      expect(row).toBe(after[index]);
    });
  });

  it("replaceAll swaps the whole grid and back", () => {
    const { rows, patch } = replaceAll([a, b], [c]);
    expect(rows).toEqual([c]);
    expect(applyPatch(rows, patch, "undo")).toEqual([a, b]);
  });
});
