import { describe, expect, it } from "vitest";
import { clearRange, fillDown, type GridRange } from "./grid-edits";
import {
  changedIndices,
  column,
  expectRoundTrip,
  gridOf,
  RANGE,
  range,
  sameObjects,
  sampleRows,
  untouched,
  untouchedOf,
} from "./grid-edits.test-support";
import type { GridCells } from "./grid-fields";

describe("clearRange", () => {
  it.each<[string, GridRange, number[]]>([
    ["top-left to bottom-right", range([0, 1], "internalId", "fullName"), [0, 1]],
    ["columns reversed", range([0, 1], "fullName", "internalId"), [0, 1]],
    ["rows past the end ignored", range([1, 2, 3, 4, 99], "internalId", "fullName"), [1, 3]],
    ["negative and fractional rows ignored", range([-1, 0.5, 3], "internalId", "fullName"), [3]],
    ["non-contiguous rows", range([0, 3], "internalId", "fullName"), [0, 3]],
    ["unsorted rows with duplicates", range([3, 1, 3, 0, 1], "fullName", "internalId"), [0, 1, 3]],
  ])("blanks a multi-column selection: %s", (_name, range, changed) => {
    const original = sampleRows();
    const { rows, patch } = clearRange(original, range);
    const expected = original.map((row, index) =>
      changed.includes(index) ? { ...row, internalId: "", fullName: "" } : row,
    );
    expect(rows).toStrictEqual(expected);
    // The blank row 2 and rows outside the selection keep their identity.
    expect(sameObjects(rows, original)).toStrictEqual(untouched(changed));
    expect(patch.kind === "replace" && patch.changes.map((change) => change.index)).toStrictEqual(changed);
  });
});

describe("fillDown", () => {
  it.each<[string, GridRange, Partial<GridCells>, number[]]>([
    [
      "three columns, all rows",
      RANGE,
      { internalId: "A1", fullName: "Ana Silva", birth: "1990-01-01" },
      [1, 2, 3],
    ],
    [
      "columns reversed",
      range([1, 2, 3], "birth", "fullName"),
      { fullName: "ana maria", birth: "1985-05-05" },
      [2, 3],
    ],
    [
      "non-contiguous rows",
      range([0, 3], "contact", "internalId"),
      { contact: "a@x.co", internalId: "A1" },
      [3],
    ],
    [
      "unsorted rows: the topmost row is the source",
      range([3, 2, 1], "fullName", "fullName"),
      { fullName: "ana maria" },
      [2, 3],
    ],
    [
      "out-of-range rows ignored, even when listed first",
      range([-1, 9, 1, 3], "birth", "birth"),
      { birth: "1985-05-05" },
      [3],
    ],
  ])("copies the top row's cells: %s", (_name, range, copied, changed) => {
    const original = sampleRows();
    const { rows } = fillDown(original, range);
    const expected = original.map((row, index) => (changed.includes(index) ? { ...row, ...copied } : row));
    expect(rows).toStrictEqual(expected);
    expect(sameObjects(rows, original)).toStrictEqual(untouched(changed));
  });
});

describe("selections of non-contiguous rows (filtered grid)", () => {
  const COUNT = 12;

  it.each<[string, number[]]>([
    ["ascending", [1, 4, 9]],
    ["unsorted", [9, 1, 4]],
    ["with duplicates", [4, 1, 9, 4, 1]],
    ["with out-of-range indices", [-3, 1, 12, 4, 2.5, 50, 9]],
  ])("clearRange blanks only the listed rows (%s)", (_name, rowIndices) => {
    const original = gridOf(COUNT);
    const result = clearRange(original, range(rowIndices, "fullName", "internalId"));
    const expected = original.map((row, index) =>
      [1, 4, 9].includes(index) ? { ...row, internalId: "", fullName: "" } : row,
    );
    expect(result.rows).toStrictEqual(expected);
    expect(result.rows).toHaveLength(COUNT);
    expect(sameObjects(result.rows, original)).toStrictEqual(untouchedOf(COUNT, [1, 4, 9]));
    expect(changedIndices(result)).toStrictEqual([1, 4, 9]);
    expect(result.patch.kind === "replace" && result.patch.appended).toStrictEqual([]);
    expectRoundTrip(original, result);
  });

  it.each<[string, number[]]>([
    ["ascending", [1, 4, 9]],
    ["unsorted", [9, 4, 1]],
    ["with duplicates", [1, 9, 4, 9]],
    ["with out-of-range indices", [12, -1, 1, 4, 0.5, 9, 99]],
  ])("fillDown copies the topmost listed row into the other listed rows only (%s)", (_name, rowIndices) => {
    const original = gridOf(COUNT);
    const result = fillDown(original, range(rowIndices, "internalId", "fullName"));
    const source = original[1] as GridCells;
    const expected = original.map((row, index) =>
      [4, 9].includes(index) ? { ...row, internalId: source.internalId, fullName: source.fullName } : row,
    );
    expect(result.rows).toStrictEqual(expected);
    // Cells outside the column span keep their own values.
    expect(column(result.rows, "contact")).toStrictEqual(column(original, "contact"));
    expect(column(result.rows, "docId")).toStrictEqual(column(original, "docId"));
    // The source row and the hidden rows between the selected ones keep their identity.
    expect(sameObjects(result.rows, original)).toStrictEqual(untouchedOf(COUNT, [4, 9]));
    expect(changedIndices(result)).toStrictEqual([4, 9]);
    expectRoundTrip(original, result);
  });

  it("fillDown skips listed rows that already hold the source's values", () => {
    const original = gridOf(COUNT);
    original[6] = { ...(original[6] as GridCells), fullName: "Name 2" };
    const result = fillDown(original, range([2, 6, 11], "fullName", "fullName"));
    expect(column(result.rows, "fullName")[11]).toBe("Name 2");
    expect(changedIndices(result)).toStrictEqual([11]);
    expect(sameObjects(result.rows, original)).toStrictEqual(untouchedOf(COUNT, [11]));
  });

  it("fillDown from a listed row whose first index is out of range uses the next valid one", () => {
    const original = gridOf(COUNT);
    const result = fillDown(original, range([40, 7, 3], "docId", "docId"));
    expect(column(result.rows, "docId")[7]).toBe("D3");
    expect(changedIndices(result)).toStrictEqual([7]);
  });
});
