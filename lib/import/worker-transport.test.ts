import { describe, expect, it } from "vitest";
import { emptyGridCells, type GridCells } from "./grid-fields";
import { decodeRows, decodeRowsInSlices, encodeRows } from "./worker-transport";

function row(index: number, overrides: Partial<GridCells> = {}): GridCells {
  return { ...emptyGridCells(), contact: `p${index}@x.co`, fullName: `Name ${index}`, ...overrides };
}

const ROW_SETS: Array<[string, GridCells[]]> = [
  ["no rows", []],
  ["one blank row", [emptyGridCells()]],
  ["rows with empty cells at the end", Array.from({ length: 25 }, (_, index) => row(index))],
  ["a cell holding a line break and a tab", [row(0, { fullName: "Ana\nSilva\t" }), row(1)]],
  ["a cell holding the separators themselves (sent as JSON)", [row(0, { docId: "a\u001fb\u001ec" }), row(1)]],
];

describe("rows between the page and the workers", () => {
  it.each(ROW_SETS)("%s survive encodeRows → decodeRows", (_name, rows) => {
    expect(decodeRows(encodeRows(rows))).toStrictEqual(rows);
  });

  it.each(ROW_SETS)("%s decode the same in slices", async (_name, rows) => {
    let pauses = 0;
    const decoded = await decodeRowsInSlices(encodeRows(rows), 10, async () => {
      pauses += 1;
    });
    expect(decoded).toStrictEqual(rows);
    const separated = encodeRows(rows).format === "separated";
    expect(pauses).toBe(separated && rows.length > 0 ? Math.ceil(rows.length / 10) - 1 : 0);
  });

  it.each([
    ["a row of five cells", { format: "separated", text: "a\u001fb\u001fc\u001fd\u001fe", count: 1 }],
    [
      "more rows than counted",
      {
        format: "separated",
        text: "a\u001f\u001f\u001f\u001f\u001f\u001ea\u001f\u001f\u001f\u001f\u001f",
        count: 1,
      },
    ],
    ["fewer rows than counted", { format: "separated", text: "a\u001f\u001f\u001f\u001f\u001f", count: 2 }],
  ] as const)("%s is refused, whole or in slices", async (_name, encoded) => {
    expect(() => decodeRows(encoded)).toThrow(/rows of 6 cells/);
    await expect(decodeRowsInSlices(encoded, 1, async () => {})).rejects.toThrow(/rows of 6 cells/);
  });
});
