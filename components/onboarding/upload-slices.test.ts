import { describe, expect, it } from "vitest";
import { uploadSlices } from "./upload-slices";

describe("uploadSlices: the first call carries one request's rows, the others 1,000", () => {
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
      1100,
      [
        [0, 100],
        [100, 1100],
      ],
    ],
    [
      2500,
      [
        [0, 100],
        [100, 1100],
        [1100, 2100],
        [2100, 2500],
      ],
    ],
  ])("%i rows", (total, slices) => {
    expect(uploadSlices(total)).toStrictEqual(slices);
  });
});
