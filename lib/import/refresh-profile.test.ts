import { describe, expect, it } from "vitest";
import { profileDocIdColumn, sameDocIdDecisions, updateDocIdProfile } from "./detect-damage";
import { emptyGridCells, type GridCells } from "./grid-fields";
import { countDateEvidence } from "./normalise-date";
import { profileColumns } from "./normalise-rows";
import { carryOver, changedSpan, refreshProfile } from "./refresh-profile";
import { type ImportOptions, verdictOfRow } from "./validate-grid";

const OPTIONS: ImportOptions = { defaultRegion: "PT", today: "2026-11-27" };

function person(docId: string, countryAlpha3 = "GBR", birth = "1990-01-01"): GridCells {
  return {
    ...emptyGridCells(),
    contact: `${docId}.${countryAlpha3}@example.com`,
    fullName: "Rhys Jones",
    birth,
    docId,
    countryAlpha3,
  };
}

describe("changedSpan", () => {
  const [a, b, c, d, e] = ["a", "b", "c", "d", "e"];
  it.each<[name: string, before: string[], after: string[], removed: string[], added: string[]]>([
    ["nothing", [a, b, c], [a, b, c], [], []],
    ["one replaced", [a, b, c], [a, d, c], [b], [d]],
    ["one inserted", [a, b, c], [a, d, b, c], [], [d]],
    ["one deleted", [a, b, c], [a, c], [b], []],
    ["appended", [a, b], [a, b, c, d], [], [c, d]],
    ["all replaced", [a, b], [d, e], [a, b], [d, e]],
    // Two edits far apart: the unchanged row between is in both halves, so counts still come out right.
    ["two apart", [a, b, c], [d, b, e], [a, b, c], [d, b, e]],
    ["repeated row", [a, a, a], [a, a], [a], []],
    ["from empty", [], [a], [], [a]],
  ])("%s", (_name, before, after, removed, added) => {
    expect(changedSpan(before, after)).toMatchObject({ removed, added });
  });

  it.each<[before: string[], after: string[], commonStart: number, commonEnd: number]>([
    [[a, b, c], [a, b, c], 3, 0],
    [[a, b, c], [a, d, b, c], 1, 2],
    [[a, b, c], [a, c], 1, 1],
    [[], [a], 0, 0],
  ])("%j → %j: %i in common at the start, %i at the end", (before, after, commonStart, commonEnd) => {
    expect(changedSpan(before, after)).toMatchObject({ commonStart, commonEnd });
  });
});

describe("carryOver", () => {
  const [a, b, c, d, e] = ["a", "b", "c", "d", "e"];
  it.each<[name: string, before: string[], after: string[]]>([
    ["nothing changed", [a, b, c], [a, b, c]],
    ["one replaced", [a, b, c], [a, d, c]],
    ["two replaced far apart", [a, b, c, d], [e, b, c, a]],
    ["a range inserted", [a, b, c], [a, d, e, b, c]],
    ["a range deleted", [a, b, c, d], [a, d]],
    ["appended", [a, b], [a, b, c]],
    ["emptied", [a, b], []],
    ["from empty", [], [a, b]],
    ["a repeated item deleted", [a, a, a], [a, a]],
  ])("%s: the same values as asking for every item, asking only for the new ones", (_name, before, after) => {
    const asked: string[] = [];
    const lookUp = (item: string) => {
      asked.push(item);
      return item.toUpperCase();
    };
    const values = before.map((item) => item.toUpperCase());
    expect(carryOver(before, values, after, lookUp)).toEqual(after.map((item) => item.toUpperCase()));
    const replaced = after.filter((item, index) => before[index] !== item).length;
    expect(asked.length).toBe(
      before.length === after.length ? replaced : changedSpan(before, after).added.length,
    );
  });
});

describe("updateDocIdProfile", () => {
  const rows = [person("264295239"), person("367001110"), person("76384808"), person("12345678", "PRT")];
  it.each<[name: string, after: GridCells[]]>([
    ["a docId edited", [rows[0], person("267001110"), rows[2], rows[3]] as GridCells[]],
    ["a country edited", [rows[0], rows[1], person("76384808", "IRL"), rows[3]] as GridCells[]],
    ["a row deleted", [rows[0], rows[2], rows[3]] as GridCells[]],
    ["the last of a country deleted", [rows[0], rows[1], rows[2]] as GridCells[]],
    ["rows added", [...rows, person("111"), person("A123", "ESP"), person("")]],
    ["all deleted", []],
  ])("%s: the same as counting every row again", (_name, after) => {
    const { removed, added } = changedSpan(rows, after);
    expect(updateDocIdProfile(profileDocIdColumn(rows), removed, added)).toEqual(profileDocIdColumn(after));
  });

  it("does not change the profile it was given", () => {
    const profile = profileDocIdColumn(rows);
    const copy = structuredClone(profile);
    updateDocIdProfile(profile, [rows[0] as GridCells], [person("1")]);
    expect(profile).toEqual(copy);
  });
});

describe("sameDocIdDecisions", () => {
  const column = (docIds: string[], country = "GBR") =>
    profileDocIdColumn(docIds.map((id) => person(id, country)));
  it.each<[name: string, before: string[], after: string[], same: boolean]>([
    ["same counts", ["123456789", "223456789", "12345678"], ["123456789", "223456789", "12345678"], true],
    // One more 9-digit sibling: 8 digits was already short of 9, nothing else changes.
    [
      "more of the usual length",
      ["123456789", "223456789", "12345678"],
      ["123456789", "223456789", "323456789", "12345678"],
      true,
    ],
    // The 9-digit siblings become the minority: an 8-digit docId is no longer suspicious.
    [
      "usual length changes",
      ["123456789", "223456789", "12345678"],
      ["123456789", "12345678", "22345678", "32345678"],
      false,
    ],
    // Fewer than two siblings: nothing is said any more.
    ["too few siblings", ["123456789", "223456789", "12345678"], ["123456789", "12345678"], false],
    ["different column entirely", [], ["123456789", "223456789"], false],
  ])("%s → %s", (_name, before, after, same) => {
    expect(sameDocIdDecisions(column(before), column(after))).toBe(same);
  });

  it("ignores countries with a known length (PRT, BRA)", () => {
    expect(sameDocIdDecisions(column(["12345678", "22345678"], "PRT"), column(["1"], "PRT"))).toBe(true);
  });
});

describe("refreshProfile after single-cell edits", () => {
  const rows = [person("264295239"), person("367001110"), person("464295239"), person("76384808")];
  const LIMIT = 10;

  it("is the profile of the new rows, and keeps verdicts when no decision changed", () => {
    const before = profileColumns(rows);
    const after = [rows[0], rows[1], rows[2], person("76384809")] as GridCells[];
    const refresh = refreshProfile(before, rows, after, LIMIT);
    expect(refresh).toEqual({ kind: "updated", profile: profileColumns(after), keepVerdicts: true });
  });

  it("carries the birth column's evidence from edit to edit, equal to counting every row again", () => {
    const births = ["13/02/1990", "05/06/1990", "1990-02-13", "", "02/13/1990", "1990-01-01"];
    let current = births.map((birth, index) => person(String(index + 1), "GBR", birth));
    let profile = profileColumns(current);
    const edits: Array<[number, string]> = [
      [2, "14/02/1990"], // a second day-first value
      [4, "1990-02-13"], // the only month-first value goes: the column is day-first now
      [0, ""], // one day-first value cleared
      [2, "not a date"],
      [1, "12/31/1990"], // month-first, and no day-first value is left
    ];
    for (const [index, birth] of edits) {
      const edited = current.map((row, at) => (at === index ? { ...row, birth } : row));
      const refresh = refreshProfile(profile, current, edited, LIMIT);
      if (refresh.kind !== "updated") throw new Error("expected a refresh");
      expect(refresh.profile.birthEvidence).toEqual(countDateEvidence(edited.map((row) => row.birth)));
      expect(refresh.profile).toEqual(profileColumns(edited));
      profile = refresh.profile;
      current = edited;
    }
    expect(profile.birth).toBe("mdy");
  });

  it("counts the birth evidence of the old rows once when a profile was made without it", () => {
    const dated = [person("1", "GBR", "13/02/1990"), person("2", "GBR", "05/06/1990")];
    const { birthEvidence: _counted, ...withoutEvidence } = profileColumns(dated);
    const edited = [dated[0], person("2", "GBR", "06/14/1990")] as GridCells[];
    const refresh = refreshProfile(withoutEvidence, dated, edited, LIMIT);
    expect(refresh).toEqual({ kind: "updated", profile: profileColumns(edited), keepVerdicts: false });
  });

  it("warns about a docId that lost its zeros as soon as an edit makes its siblings longer", () => {
    // 76384808's siblings: two of 9 digits, two of 8. Not a majority longer, so not suspicious yet.
    const start = ["264295239", "367001110", "12345678", "22345678", "76384808"].map((id) => person(id));
    let profile = profileColumns(start);
    expect(verdictOfRow(start[4] as GridCells, profile, OPTIONS)).toMatchObject({
      kind: "valid",
      warnings: [],
    });
    // One cell edited: 12345678 → 123456789. The others' verdicts may now change, so they are re-checked.
    const edited = [start[0], start[1], person("123456789"), start[3], start[4]] as GridCells[];
    const refresh = refreshProfile(profile, start, edited, LIMIT);
    if (refresh.kind !== "updated") throw new Error("expected an in-place refresh");
    expect(refresh.keepVerdicts).toBe(false);
    profile = refresh.profile;
    expect(profile).toEqual(profileColumns(edited));
    const verdict = verdictOfRow(edited[4] as GridCells, profile, OPTIONS);
    expect(verdict.kind === "valid" ? verdict.warnings : []).toEqual([
      expect.objectContaining({
        field: "docId",
        code: "docid_lost_leading_zeros",
        suggestedValue: "076384808",
      }),
    ]);
  });

  it("re-checks every row when the date order flips", () => {
    const dated = [person("1", "GBR", "13/02/1990"), person("2", "GBR", "05/06/1990")];
    const edited = [person("1", "GBR", "1990-02-13"), dated[1]] as GridCells[];
    const refresh = refreshProfile(profileColumns(dated), dated, edited, LIMIT);
    expect(refresh).toMatchObject({
      kind: "updated",
      keepVerdicts: false,
      profile: { birth: "ambiguous-slash" },
    });
  });

  it("leaves a change wider than the limit to the workers", () => {
    const many = Array.from({ length: 20 }, (_, index) => person(String(100000000 + index)));
    const replaced = many.map((row) => ({ ...row }));
    expect(refreshProfile(profileColumns(many), many, replaced, LIMIT)).toEqual({ kind: "too-wide" });
  });

  it("does nothing for the rows it was computed for", () => {
    const profile = profileColumns(rows);
    expect(refreshProfile(profile, rows, rows, LIMIT)).toEqual({
      kind: "updated",
      profile,
      keepVerdicts: true,
    });
  });
});
