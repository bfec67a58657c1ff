import { describe, expect, it } from "vitest";
import { MAX_ROWS_PER_APPEND } from "@/lib/runs/run-service";
import { ROWS_PER_APPEND, slicesWithinSize, uploadSlices } from "./upload-slices";

describe("uploadSlices: one request's rows first, then slices four times bigger, up to 2,000", () => {
  it.each<[number, Array<[number, number]>]>([
    [0, []],
    [1, [[0, 1]]],
    [100, [[0, 100]]],
    [
      101,
      [
        [0, 100],
        [100, 101],
      ],
    ],
    [
      500,
      [
        [0, 100],
        [100, 500],
      ],
    ],
    [
      2500,
      [
        [0, 100],
        [100, 500],
        [500, 2100],
        [2100, 2500],
      ],
    ],
    [
      10_000,
      [
        [0, 100],
        [100, 500],
        [500, 2100],
        [2100, 4100],
        [4100, 6100],
        [6100, 8100],
        [8100, 10_000],
      ],
    ],
  ])("%i rows", (total, slices) => {
    expect(uploadSlices(total)).toStrictEqual(slices);
  });

  it("never asks for more rows per call than the action takes", () => {
    expect(ROWS_PER_APPEND).toBeLessThanOrEqual(MAX_ROWS_PER_APPEND);
    const sizes = uploadSlices(100_000).map(([start, end]) => end - start);
    expect(Math.max(...sizes)).toBe(ROWS_PER_APPEND);
  });
});

describe("slicesWithinSize: a slice whose JSON is too long is cut at request boundaries", () => {
  const rows = Array.from({ length: 450 }, (_, index) => ({ rowIndex: index, subject: "x".repeat(index) }));
  const lengthOf = (start: number, end: number) => JSON.stringify(rows.slice(start, end)).length;

  it.each<[string, [number, number], number, Array<[number, number]>]>([
    ["short enough: one piece", [0, 450], lengthOf(0, 450), [[0, 450]]],
    [
      "too long: halves at a request boundary",
      [0, 450],
      lengthOf(200, 450),
      [
        [0, 300],
        [300, 450],
      ],
    ],
    [
      "much too long: down to one request's rows",
      [0, 450],
      1,
      [
        [0, 100],
        [100, 200],
        [200, 300],
        [300, 400],
        [400, 450],
      ],
    ],
    [
      "a slice that starts further on",
      [100, 400],
      lengthOf(200, 400) - 1,
      [
        [100, 300],
        [300, 400],
      ],
    ],
  ])("%s", (_name, slice, maxChars, pieces) => {
    const result = slicesWithinSize(rows, slice, maxChars);
    expect(result.map(({ start, end }) => [start, end])).toStrictEqual(pieces);
    for (const { start, end, json } of result) expect(JSON.parse(json)).toStrictEqual(rows.slice(start, end));
  });
});
