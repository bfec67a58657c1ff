import { describe, expect, it } from "vitest";
import { chunkRows } from "./chunking";

const numbers = (count: number) => Array.from({ length: count }, (_, i) => i);

describe("chunkRows", () => {
  it.each([
    { count: 0, size: undefined, starts: [], sizes: [] },
    { count: 1, size: undefined, starts: [0], sizes: [1] },
    { count: 100, size: undefined, starts: [0], sizes: [100] },
    { count: 101, size: undefined, starts: [0, 100], sizes: [100, 1] },
    { count: 250, size: undefined, starts: [0, 100, 200], sizes: [100, 100, 50] },
    { count: 7, size: 3, starts: [0, 3, 6], sizes: [3, 3, 1] },
    { count: 3, size: 1, starts: [0, 1, 2], sizes: [1, 1, 1] },
  ])("splits $count items (size $size) into chunks starting at $starts", ({ count, size, starts, sizes }) => {
    const items = numbers(count);

    const chunks = chunkRows(items, size);

    expect(chunks.map((chunk) => chunk.start)).toEqual(starts);
    expect(chunks.map((chunk) => chunk.items.length)).toEqual(sizes);
    // Order and start index agree: every item sits at its chunk's start plus its offset.
    for (const chunk of chunks) {
      chunk.items.forEach((item, offset) => {
        expect(item).toBe(chunk.start + offset);
      });
    }
    expect(chunks.flatMap((chunk) => chunk.items)).toEqual(items);
  });

  it("does not hand out the caller's array", () => {
    const items = numbers(3);
    const [chunk] = chunkRows(items);
    chunk?.items.push(99);
    expect(items).toEqual([0, 1, 2]);
  });

  it.each([0, -1, 101, 1.5, Number.NaN])("refuses size %s", (size) => {
    expect(() => chunkRows(numbers(5), size)).toThrow(RangeError);
  });
});
