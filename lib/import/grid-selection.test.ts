import { describe, expect, it } from "vitest";
import { emptyGridCells } from "./grid-fields";
import {
  type CellPosition,
  clampPosition,
  fieldAt,
  isInRect,
  moveTarget,
  nextTargetRow,
  PROBLEMS_COLUMN,
  selectedFields,
  selectedRowIndices,
  selectionRect,
  selectionToTsv,
} from "./grid-selection";

describe("selectionRect", () => {
  it.each([
    [
      { row: 1, col: 1 },
      { row: 3, col: 4 },
      { top: 1, bottom: 3, left: 1, right: 4 },
    ],
    [
      { row: 5, col: 4 },
      { row: 2, col: 0 },
      { top: 2, bottom: 5, left: 0, right: 4 },
    ],
    [
      { row: 0, col: 0 },
      { row: 0, col: 0 },
      { top: 0, bottom: 0, left: 0, right: 0 },
    ],
  ])("from %o to %o", (anchor, active, expected) => {
    expect(selectionRect(anchor, active)).toEqual(expected);
  });

  it("knows which cells it covers", () => {
    const rect = { top: 1, bottom: 2, left: 2, right: 3 };
    expect([isInRect(rect, 1, 2), isInRect(rect, 2, 3), isInRect(rect, 0, 2), isInRect(rect, 1, 4)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("clampPosition", () => {
  it.each([
    [{ row: -1, col: -1 }, 10, { row: 0, col: 0 }],
    // The last column is the Problems column (6), after the six fields.
    [{ row: 12, col: 9 }, 10, { row: 9, col: 6 }],
    [{ row: 3, col: 6 }, 10, { row: 3, col: 6 }],
    [{ row: 4, col: 2 }, 10, { row: 4, col: 2 }],
  ])("%o in %i rows", (position, rows, expected) => {
    expect(clampPosition(position, rows)).toEqual(expected);
  });
});

describe("selectedRowIndices and selectionToTsv", () => {
  const rows = [0, 1, 2, 3].map((index) => ({
    ...emptyGridCells(),
    contact: `c${index}`,
    fullName: index === 2 ? 'say "hi"\tnow' : `n${index}`,
  }));
  it("maps view rows to data rows (a filtered view)", () => {
    expect(selectedRowIndices([0, 2, 3], { top: 1, bottom: 2, left: 0, right: 0 })).toEqual([2, 3]);
  });
  it.each([
    // A range reaching into the Problems column copies its fields only.
    [{ top: 0, bottom: 1, left: 4, right: 6 }, "\t\r\n\t"],
    [{ top: 0, bottom: 0, left: 0, right: 6 }, "c0\t\tn0\t\t\t"],
    // The Problems column alone: nothing.
    [{ top: 0, bottom: 1, left: 6, right: 6 }, "\r\n"],
  ])("leaves the Problems column out of %o", (rect, expected) => {
    expect(selectionToTsv(rows, [0, 1], rect)).toBe(expected);
  });
  it("quotes cells like a spreadsheet", () => {
    expect(selectionToTsv(rows, [0, 2, 3], { top: 0, bottom: 1, left: 0, right: 2 })).toBe(
      'c0\t\tn0\r\nc2\t\t"say ""hi""\tnow"',
    );
  });
});

describe("fieldAt and selectedFields", () => {
  it.each([
    [0, "contact"],
    [5, "countryAlpha3"],
    [PROBLEMS_COLUMN, undefined],
    [-1, undefined],
  ])("column %i holds %s", (col, expected) => {
    expect(fieldAt(col)).toBe(expected);
  });
  it.each([
    [
      { left: 1, right: 3 },
      { fieldStart: "internalId", fieldEnd: "birth" },
    ],
    [
      { left: 4, right: 6 },
      { fieldStart: "docId", fieldEnd: "countryAlpha3" },
    ],
    [
      { left: 0, right: 6 },
      { fieldStart: "contact", fieldEnd: "countryAlpha3" },
    ],
    // Clearing or filling the Problems column alone touches no field.
    [{ left: 6, right: 6 }, null],
  ])("columns %o cover the fields %o", (columns, expected) => {
    expect(selectedFields({ top: 0, bottom: 2, ...columns })).toEqual(expected);
  });
});

describe("moveTarget", () => {
  const at = (row: number, col: number): CellPosition => ({ row, col });
  it.each<[string, CellPosition, string, boolean, CellPosition | undefined]>([
    ["right from the last field reaches the Problems cell", at(2, 5), "ArrowRight", false, at(2, 6)],
    ["right stops at the Problems cell", at(2, 6), "ArrowRight", false, at(2, 6)],
    ["left from the Problems cell reaches the last field", at(2, 6), "ArrowLeft", false, at(2, 5)],
    ["left stops at the first field", at(2, 0), "ArrowLeft", false, at(2, 0)],
    ["down keeps the Problems column", at(2, 6), "ArrowDown", false, at(3, 6)],
    ["up stops at the first row", at(0, 6), "ArrowUp", false, at(0, 6)],
    ["down stops at the last row", at(9, 3), "ArrowDown", false, at(9, 3)],
    ["Page Down moves a page", at(5, 6), "PageDown", false, at(8, 6)],
    ["Page Down stops at the last row", at(8, 6), "PageDown", false, at(9, 6)],
    ["Page Up moves a page", at(5, 1), "PageUp", false, at(2, 1)],
    ["End goes to the row's Problems cell", at(4, 1), "End", false, at(4, 6)],
    ["Home goes to the row's first field", at(4, 6), "Home", false, at(4, 0)],
    ["Ctrl+End goes to the last row's Problems cell", at(4, 1), "End", true, at(9, 6)],
    ["Ctrl+Home goes to the first cell", at(4, 6), "Home", true, at(0, 0)],
    ["Ctrl+an arrow is not a move", at(4, 1), "ArrowRight", true, undefined],
    ["a letter is not a move", at(4, 1), "a", false, undefined],
  ])("%s", (_name, active, key, command, expected) => {
    expect(moveTarget(active, key, command, 10, 3)).toEqual(expected);
  });
  it("keeps to the first row in an empty view", () => {
    expect(moveTarget(at(0, 6), "End", true, 0, 3)).toEqual(at(0, 6));
  });
});

describe("nextTargetRow", () => {
  const view = [0, 1, 2, 3, 4];
  it.each<[number, number[], 1 | -1, number | undefined]>([
    [0, [3], 1, 3],
    [3, [1, 3], 1, 1],
    [1, [1, 3], -1, 3],
    [2, [], 1, undefined],
    [2, [2], 1, 2],
  ])("from %i to targets %o direction %i", (from, targets, direction, expected) => {
    expect(nextTargetRow(view, from, new Set(targets), direction)).toBe(expected);
  });
});
