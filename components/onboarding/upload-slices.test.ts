import { describe, expect, it } from "vitest";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/server-action-limits";
import {
  BYTES_PER_APPEND,
  describeRowsTooBig,
  encodedBytes,
  encodedBytesBound,
  rowsTooBigToUpload,
  uploadSlices,
} from "./upload-slices";

const rowsOf = (count: number, bytes = 300) => Array.from({ length: count }, () => bytes);

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
  ])("%i rows of ordinary size", (total, slices) => {
    expect(uploadSlices(rowsOf(total))).toStrictEqual(slices);
  });
});

describe("uploadSlices: no slice holds more than BYTES_PER_APPEND, and each holds at least one row", () => {
  const fitting = Math.floor(BYTES_PER_APPEND / 5000); // rows of 5,000 bytes that fit in one slice: 700
  it.each<[string, number[], Array<[number, number]>]>([
    [
      "1,200 rows of 5,000 bytes",
      rowsOf(1200, 5000),
      [
        [0, 100],
        [100, 100 + fitting],
        [100 + fitting, 1200],
      ],
    ],
    [
      "a first row over the limit goes alone",
      [BYTES_PER_APPEND + 1, 10, 10],
      [
        [0, 1],
        [1, 3],
      ],
    ],
    [
      "a row over the limit in the middle goes alone",
      [10, BYTES_PER_APPEND, 10],
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    ],
    ["rows that exactly fill a slice", [BYTES_PER_APPEND / 2, BYTES_PER_APPEND / 2], [[0, 2]]],
  ])("%s", (_, rowBytes, slices) => {
    expect(uploadSlices(rowBytes)).toStrictEqual(slices);
  });

  it("covers every row once, in order, within both limits, for random sizes", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 200; trial += 1) {
      const rowBytes = Array.from({ length: Math.floor(random() * 3000) }, () =>
        random() < 0.05 ? Math.floor(random() * 2 * BYTES_PER_APPEND) : Math.floor(random() * 20_000),
      );
      const slices = uploadSlices(rowBytes);
      let next = 0;
      for (const [index, [start, end]] of slices.entries()) {
        expect(start).toBe(next);
        expect(end).toBeGreaterThan(start);
        expect(end - start).toBeLessThanOrEqual(index === 0 ? 100 : 1000);
        const bytes = rowBytes.slice(start, end).reduce((sum, size) => sum + size, 0);
        if (end - start > 1) expect(bytes).toBeLessThanOrEqual(BYTES_PER_APPEND);
        next = end;
      }
      expect(next).toBe(rowBytes.length);
    }
  });
});

it("leaves room under the server actions' body limit", () => {
  expect(BYTES_PER_APPEND).toBeLessThanOrEqual(SERVER_ACTION_BODY_LIMIT_BYTES * 0.85);
});

describe("encodedBytesBound is never below the row's real size as UTF-8 JSON", () => {
  it.each<[string, unknown]>([
    ["an ordinary row", { rowIndex: 3, subject: { contact: "ana@example.com", internalId: "A-1" } }],
    ["accents and an emoji", { rowIndex: 0, subject: { contact: "joão@exemplo.pt 🙂", internalId: "ç" } }],
    ["quotes, backslashes and control characters", { subject: { contact: '"\\\u0001\n\t\u001f' } }],
    [
      "a held-back row with an identity",
      { rowIndex: 9, subject: { identity: { fullName: "Zoë" } }, heldBack: "x" },
    ],
    ["nulls, numbers, booleans and arrays", { a: null, b: 1.5e300, c: true, d: [1, "dois", { três: 3 }] }],
    ["a long cell", { subject: { contact: "€".repeat(100_000) } }],
  ])("%s", (_, value) => {
    expect(encodedBytesBound(value)).toBeGreaterThanOrEqual(encodedBytes(value));
  });

  it("is close for ordinary rows (within 6×), so ordinary slices stay 1,000 rows", () => {
    const row = { rowIndex: 12_345, subject: { contact: "maria.silva@example.com", internalId: "EMP-0042" } };
    expect(encodedBytesBound(row) * 1000).toBeLessThan(BYTES_PER_APPEND);
  });
});

describe("rowsTooBigToUpload", () => {
  it("names the rows over the limit and measures only those exactly", () => {
    const small = { rowIndex: 0, subject: { contact: "a@example.com" } };
    // Bound over the limit, real size under it (ASCII: 1 byte a character, bounded as 6).
    const boundOnly = { rowIndex: 1, subject: { contact: "a".repeat(1_000_000) } };
    const tooBig = { rowIndex: 2, subject: { contact: "a".repeat(BYTES_PER_APPEND) } };
    const rows = [small, boundOnly, tooBig];
    expect(rowsTooBigToUpload(rows, rows.map(encodedBytesBound))).toStrictEqual([2]);
  });
});

describe("describeRowsTooBig", () => {
  it.each<[number[], string]>([
    [
      [7],
      "Row 7 holds more than 3.5 MB of text, more than a row can be stored with. Shorten its cells or delete it.",
    ],
    [
      [7, 1200],
      "Rows 7, 1,200 each hold more than 3.5 MB of text, more than a row can be stored with. Shorten their cells or delete them.",
    ],
    [
      [1, 2, 3, 4, 5, 6, 7],
      "Rows 1, 2, 3, 4, 5 and 2 more each hold more than 3.5 MB of text, more than a row can be stored with. Shorten their cells or delete them.",
    ],
  ])("%j", (rowNumbers, message) => {
    expect(describeRowsTooBig(rowNumbers)).toBe(message);
  });
});
