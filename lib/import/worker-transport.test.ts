import { describe, expect, it } from "vitest";
import { emptyGridCells, type GridCells } from "./grid-fields";
import {
  decodeRowParts,
  decodeRows,
  decodeRowsInSlices,
  encodeRows,
  encodeRowsInSlices,
  encodeShares,
} from "./worker-transport";

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

  it.each(ROW_SETS)(
    "%s survive encodeRowsInSlices → decodeRowParts, a part per slice",
    async (_name, rows) => {
      let pauses = 0;
      const parts = await encodeRowsInSlices(rows, 10, async () => {
        pauses += 1;
      });
      expect(parts.map((part) => part.count)).toStrictEqual(
        Array.from({ length: Math.ceil(rows.length / 10) }, (_, slice) =>
          Math.min(10, rows.length - slice * 10),
        ),
      );
      expect(pauses).toBe(Math.max(0, parts.length - 1));
      expect(decodeRowParts(parts)).toStrictEqual(rows);
    },
  );

  it.each<[name: string, rowCount: number, shares: number, counts: number[][], pauses: number]>([
    ["no rows, two shares", 0, 2, [[0], [0]], 0],
    ["one slice's worth: at once", 10, 2, [[5], [5]], 0],
    ["an odd count: the first share takes the extra row", 7, 2, [[4], [3]], 0],
    [
      "more than a slice: each share in slices",
      25,
      2,
      [
        [10, 3],
        [10, 2],
      ],
      2,
    ],
    ["one share", 25, 1, [[10, 10, 5]], 2],
  ])("encodeShares: %s", async (_name, rowCount, shareCount, counts, pauses) => {
    const rows = Array.from({ length: rowCount }, (_, index) => row(index));
    let paused = 0;
    const shares = await encodeShares(rows, shareCount, 10, async () => {
      paused += 1;
    });
    expect(shares.map((parts) => parts.map((part) => part.count))).toStrictEqual(counts);
    expect(paused).toBe(pauses);
    expect(shares.flatMap((parts) => decodeRowParts(parts))).toStrictEqual(rows);
  });

  it("decodes parts of both formats in order", () => {
    const plain = [row(0), row(1)];
    const withSeparator = [row(2, { docId: "a\u001fb" })];
    const parts = [encodeRows(plain), encodeRows(withSeparator), encodeRows([row(3)])];
    expect(parts.map((part) => part.format)).toStrictEqual(["separated", "json", "separated"]);
    expect(decodeRowParts(parts)).toStrictEqual([...plain, ...withSeparator, row(3)]);
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
