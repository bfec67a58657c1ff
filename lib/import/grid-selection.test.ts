import { describe, expect, it } from "vitest";
import { emptyGridCells } from "./grid-fields";
import {
  clampPosition,
  isInRect,
  nextTargetRow,
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
    [{ row: 12, col: 9 }, 10, { row: 9, col: 5 }],
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
  it("quotes cells like a spreadsheet", () => {
    expect(selectionToTsv(rows, [0, 2, 3], { top: 0, bottom: 1, left: 0, right: 2 })).toBe(
      'c0\t\tn0\r\nc2\t\t"say ""hi""\tnow"',
    );
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
