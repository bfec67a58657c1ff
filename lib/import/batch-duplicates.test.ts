import { describe, expect, it } from "vitest";
import {
  contactKey,
  findBatchDuplicates,
  identityKey,
  refreshDuplicates,
  rowKeysOf,
} from "./batch-duplicates";
import { type CellErrors, emptyGridCells, type GridCells } from "./grid-fields";

function cells(values: Partial<GridCells>): GridCells {
  return { ...emptyGridCells(), ...values };
}

function contacts(...values: string[]): GridCells[] {
  return values.map((contact) => cells({ contact }));
}

function identity(countryAlpha3: string, docId: string, contact = ""): GridCells {
  return cells({ contact, fullName: "Ana", birth: "1990-01-01", docId, countryAlpha3 });
}

describe("contactKey", () => {
  it.each([
    ["Ana@Example.COM", "ana@example.com"],
    [" ana @example.com ", "ana@example.com"],
    ["+351 912 345 678", "+351912345678"],
    ["+351\u00a0912345678", "+351912345678"],
  ])("%j → %j", (contact, key) => {
    expect(contactKey(contact)).toBe(key);
  });
});

describe("identityKey", () => {
  it.each<[Partial<GridCells>, string]>([
    [{ countryAlpha3: " prt ", docId: "12 345 678" }, "PRT\u000012345678"],
    [{ countryAlpha3: "PRT", docId: "" }, ""],
    [{ countryAlpha3: "", docId: "123" }, ""],
  ])("%j → %j", (values, key) => {
    expect(identityKey(cells(values))).toBe(key);
  });
});

describe("findBatchDuplicates", () => {
  it.each<[string, GridCells[], [number, CellErrors][]]>([
    ["no rows", [], []],
    ["no duplicates", contacts("a@x.co", "b@x.co", "+351912345678"), []],
    [
      "one pair",
      contacts("a@x.co", "b@x.co", "a@x.co"),
      [
        [0, { contact: "Also in row 3" }],
        [2, { contact: "Also in row 1" }],
      ],
    ],
    [
      "e-mail case and phone spacing ignored",
      contacts("A@X.co", "+351 912 345 678", "a@x.CO", "+351912345678"),
      [
        [0, { contact: "Also in row 3" }],
        [1, { contact: "Also in row 4" }],
        [2, { contact: "Also in row 1" }],
        [3, { contact: "Also in row 2" }],
      ],
    ],
    [
      "three occurrences",
      contacts("a@x.co", "a@x.co", "b@x.co", "a@x.co"),
      [
        [0, { contact: "Also in rows 2, 4" }],
        [1, { contact: "Also in rows 1, 4" }],
        [3, { contact: "Also in rows 1, 2" }],
      ],
    ],
    [
      "more than three others are cut short",
      contacts("a@x.co", "a@x.co", "a@x.co", "a@x.co", "a@x.co"),
      [
        [0, { contact: "Also in rows 2, 3, 4, …" }],
        [1, { contact: "Also in rows 1, 3, 4, …" }],
        [2, { contact: "Also in rows 1, 2, 4, …" }],
        [3, { contact: "Also in rows 1, 2, 3, …" }],
        [4, { contact: "Also in rows 1, 2, 3, …" }],
      ],
    ],
    [
      "exactly three others are listed in full",
      contacts("a@x.co", "a@x.co", "a@x.co", "a@x.co"),
      [
        [0, { contact: "Also in rows 2, 3, 4" }],
        [1, { contact: "Also in rows 1, 3, 4" }],
        [2, { contact: "Also in rows 1, 2, 4" }],
        [3, { contact: "Also in rows 1, 2, 3" }],
      ],
    ],
    ["empty contacts are not duplicates", [cells({ internalId: "1" }), cells({ internalId: "2" })], []],
    ["blank rows ignored", [cells({}), cells({}), cells({ contact: "a@x.co" })], []],
    [
      "same identity",
      [
        identity("PRT", "12345678", "a@x.co"),
        identity("ESP", "12345678", "b@x.co"),
        identity("prt", "1234 5678", "c@x.co"),
      ],
      [
        [0, { docId: "Same identity as row 3" }],
        [2, { docId: "Same identity as row 1" }],
      ],
    ],
    [
      "same identity in three rows",
      [identity("PRT", "1"), identity("PRT", "1"), identity("PRT", "1")],
      [
        [0, { docId: "Same identity as rows 2, 3" }],
        [1, { docId: "Same identity as rows 1, 3" }],
        [2, { docId: "Same identity as rows 1, 2" }],
      ],
    ],
    [
      "identity needs both country and document",
      [cells({ docId: "1", contact: "a@x.co" }), cells({ docId: "1", contact: "b@x.co" })],
      [],
    ],
    [
      "contact and identity both repeated",
      [identity("PRT", "1", "a@x.co"), identity("PRT", "1", "a@x.co")],
      [
        [0, { contact: "Also in row 2", docId: "Same identity as row 2" }],
        [1, { contact: "Also in row 1", docId: "Same identity as row 1" }],
      ],
    ],
  ])("%s", (_name, rows, expected) => {
    for (const rememberKeys of [true, false]) {
      const result = findBatchDuplicates(rows, { rememberKeys });
      expect([...result.entries()].sort(([a], [b]) => a - b)).toEqual(expected);
    }
  });

  it("handles 100,000 rows with one huge duplicate group in linear time", () => {
    const rows = contacts(
      ...Array.from({ length: 100_000 }, (_, index) => (index % 2 === 0 ? "a@x.co" : `u${index}@x.co`)),
    );
    const started = performance.now();
    const result = findBatchDuplicates(rows);
    const elapsed = performance.now() - started;
    expect(result.size).toBe(50_000);
    expect(result.get(99_998)).toEqual({ contact: "Also in rows 1, 3, 5, …" });
    expect(elapsed).toBeLessThan(2000);
  });
});

describe("refreshDuplicates gives what findBatchDuplicates gives, from the previous answer", () => {
  const person = (contact: string, docId = "", country = "PRT"): GridCells => ({
    ...emptyGridCells(),
    contact,
    ...(docId ? { fullName: "Ana", birth: "1990-01-01", docId, countryAlpha3: country } : {}),
  });
  const before = [
    person("a@x.co", "111"),
    person("b@x.co", "222"),
    person("a@x.co", "333"),
    person("c@x.co", "111"),
    person("d@x.co"),
    person("e@x.co", "444"),
    person("a@x.co"),
    emptyGridCells(),
  ];
  const edit = (rows: GridCells[], index: number, cells: GridCells) =>
    rows.map((row, at) => (at === index ? cells : row));

  it.each<[string, GridCells[]]>([
    ["nothing changed", before],
    ["an edit that makes a new repeat", edit(before, 1, person("d@x.co", "222"))],
    ["an edit that ends a pair", edit(before, 3, person("c@x.co", "999"))],
    ["an edit that leaves a group of three as a pair", edit(before, 6, person("f@x.co"))],
    ["a row cleared", edit(before, 0, emptyGridCells())],
    ["a blank row filled with a repeat", edit(before, 7, person("b@x.co", "444"))],
    ["an identity in another country", edit(before, 3, person("c@x.co", "111", "ESP"))],
    ["a contact written differently but the same", edit(before, 4, person(" B@X.CO "))],
    ["the same row object put elsewhere", edit(before, 4, before[1] as GridCells)],
    ["two rows swapped", edit(edit(before, 0, before[1] as GridCells), 1, before[0] as GridCells)],
    [
      "a group longer than the rows listed",
      [0, 1, 2, 3, 4].reduce((rows, index) => edit(rows, index, person("g@x.co")), before),
    ],
    [
      "more than 8 keys touched (looked up in a set, not compared one by one)",
      [0, 1, 2, 3, 4, 5].reduce(
        (rows, index) => edit(rows, index, person(`n${index % 3}@x.co`, `9${index}`)),
        before,
      ),
    ],
  ])("%s", (_name, after) => {
    const sorted = (map: ReadonlyMap<number, CellErrors>) => [...map.entries()].sort(([a], [b]) => a - b);
    const previous = { rows: before, map: findBatchDuplicates(before) };
    const refreshed = refreshDuplicates(previous, after, 10);
    expect(refreshed && sorted(refreshed.map)).toEqual(sorted(findBatchDuplicates(after)));
    expect(refreshed?.keys).toEqual(rowKeysOf(after));
    // Again from the refreshed state, keys by position included: back to the rows before.
    const back = refreshed && refreshDuplicates(refreshed, before, 10);
    expect(back && sorted(back.map)).toEqual(sorted(previous.map));
  });

  it.each<[string, GridCells[], number]>([
    ["a row deleted (row numbers move)", before.slice(1), 10],
    ["a row inserted", [person("z@x.co"), ...before], 10],
    ["more rows changed than the limit", before.map((row) => ({ ...row })), 3],
  ])("declines %s", (_name, after, limit) => {
    expect(refreshDuplicates({ rows: before, map: findBatchDuplicates(before) }, after, limit)).toBeNull();
  });

  it("leaves the previous answer as it was", () => {
    const previous = findBatchDuplicates(before);
    const snapshot = structuredClone([...previous.entries()]);
    refreshDuplicates({ rows: before, map: previous }, edit(before, 2, person("q@x.co", "111")), 10);
    expect([...previous.entries()]).toEqual(snapshot);
  });
});
