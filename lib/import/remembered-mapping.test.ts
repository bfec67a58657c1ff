import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "./column-mapping";
import {
  headerSetKey,
  legacyHeaderKey,
  mappingFromLegacyStored,
  mappingFromStored,
  recallStoredMapping,
  storedMappingValue,
} from "./remembered-mapping";

describe("headerSetKey", () => {
  it.each<[string, string[], string[], boolean]>([
    ["the same header", ["Email", "Badge"], ["Email", "Badge"], true],
    ["the same names in another order", ["Email", "Badge", "Name"], ["Name", "Email", "Badge"], true],
    ["case, accents and punctuation ignored", ["País", "E-mail"], ["EMAIL", "pais"], true],
    ["another column", ["Email", "Badge"], ["Email", "Notes"], false],
    ["a column more", ["Email", "Badge"], ["Email", "Badge", "Notes"], false],
    ["a name twice is not the name once", ["Phone", "Phone", "Email"], ["Phone", "Email", "Email"], false],
    // Joined without a separator these two would read "ab|c" both ways.
    ["names are not run together", ["ab", "c"], ["a", "bc"], false],
  ])("%s", (_case, first, second, same) => {
    expect(headerSetKey(first) === headerSetKey(second)).toBe(same);
  });

  it("differs from the legacy key, which keeps column order", () => {
    expect(headerSetKey(["Email", "Badge"])).not.toBe(legacyHeaderKey(["Email", "Badge"]));
    expect(legacyHeaderKey(["País", "E-mail"])).toBe(legacyHeaderKey(["pais", "EMAIL"]));
    expect(legacyHeaderKey(["País", "E-mail"])).not.toBe(legacyHeaderKey(["E-mail", "País"]));
  });
});

describe("a mapping remembered and recalled", () => {
  it.each<[string, string[], ColumnMapping, string[], ColumnMapping | undefined]>([
    [
      "the same header",
      ["Email", "Name", "Badge"],
      ["email", "fullName", "internalId"],
      ["Email", "Name", "Badge"],
      ["email", "fullName", "internalId"],
    ],
    [
      "another order: each column keeps its field",
      ["Email", "Name", "Badge", "Notes"],
      ["email", "fullName", "internalId", null],
      ["Notes", "Badge", "Email", "Name"],
      [null, "internalId", "email", "fullName"],
    ],
    [
      "spelt differently",
      ["E-mail", "Nº documento"],
      ["email", "docId"],
      ["N.º Documento", "EMAIL"],
      ["docId", "email"],
    ],
    [
      "two columns of one name take the stored targets in turn",
      ["Phone", "Email", "Phone"],
      ["phone", "email", null],
      ["Email", "Phone", "Phone"],
      ["email", "phone", null],
    ],
    [
      "blank header cells",
      ["", "Email", ""],
      [null, "email", "internalId"],
      ["Email", "", ""],
      ["email", null, "internalId"],
    ],
    ["other columns", ["Email", "Badge"], ["email", "internalId"], ["Email", "Notes"], undefined],
  ])("%s", (_case, storedHeader, mapping, header, expected) => {
    const storage = new Map([[headerSetKey(storedHeader), storedMappingValue(storedHeader, mapping)]]);
    expect(recallStoredMapping(header, (key) => storage.get(key) ?? null)).toEqual(expected);
  });
});

describe("mappingFromStored refuses what it cannot trust", () => {
  const header = ["Email", "Badge"];
  it.each<[string, string | null, ColumnMapping | undefined]>([
    ["a good entry", '[["email","email"],["badge","internalId"]]', ["email", "internalId"]],
    ["nothing stored", null, undefined],
    ["corrupt JSON", '[["email","email"],', undefined],
    ["not a list", '{"email":"email","badge":"internalId"}', undefined],
    ["too few columns", '[["email","email"]]', undefined],
    ["too many columns", '[["email","email"],["badge",null],["notes",null]]', undefined],
    ["an entry that is not a name and a field", '[["email","email"],["badge"]]', undefined],
    ["a name that is not text", '[["email","email"],[7,"internalId"]]', undefined],
    ["a field that does not exist", '[["email","email"],["badge","telefax"]]', undefined],
    ["a column the header does not have", '[["email","email"],["notes","internalId"]]', undefined],
    ["a field fed twice", '[["email","email"],["badge","email"]]', undefined],
  ])("%s", (_case, stored, expected) => {
    expect(mappingFromStored(header, stored)).toEqual(expected);
  });
});

describe("mappingFromLegacyStored (one target per column, in column order)", () => {
  const header = ["Email", "Badge", "Notes"];
  it.each<[string, string | null, ColumnMapping | undefined]>([
    ["a good entry", '["email","internalId",null]', ["email", "internalId", null]],
    ["nothing stored", null, undefined],
    ["corrupt JSON", '["email",', undefined],
    ["wrong length", '["email","internalId"]', undefined],
    ["a field that does not exist", '["email","telefax",null]', undefined],
    ["a field fed twice", '["email","email",null]', undefined],
  ])("%s", (_case, stored, expected) => {
    expect(mappingFromLegacyStored(header, stored)).toEqual(expected);
  });
});

describe("recallStoredMapping", () => {
  const header = ["Email", "Badge"];
  const legacy = [legacyHeaderKey(header), '["email","internalId"]'] as const;

  it("reads a legacy entry for the same column order", () => {
    const storage = new Map([legacy]);
    expect(recallStoredMapping(header, (key) => storage.get(key) ?? null)).toEqual(["email", "internalId"]);
  });

  it("does not apply a legacy entry to another column order", () => {
    const storage = new Map([legacy]);
    expect(recallStoredMapping(["Badge", "Email"], (key) => storage.get(key) ?? null)).toBeUndefined();
  });

  it("prefers the entry stored by name", () => {
    const storage = new Map([legacy, [headerSetKey(header), storedMappingValue(header, ["email", null])]]);
    expect(recallStoredMapping(header, (key) => storage.get(key) ?? null)).toEqual(["email", null]);
  });
});
