import { describe, expect, it } from "vitest";
import { emptyGridCells, type GridCells } from "./grid-fields";
import type { TextDateChoice } from "./normalise-date";
import { encodedVerdictsOfRows, profileColumns, validateGrid, verdictOfRow } from "./validate-grid";
import { countValid, decodeVerdicts } from "./worker-transport";

function person(index: number, birth: string): GridCells {
  return {
    ...emptyGridCells(),
    contact: `p${index}@example.com`,
    fullName: `Person ${index}`,
    birth,
    docId: `X${index}`,
    countryAlpha3: "ESP",
  };
}

describe("validateGrid with the birth column's text-date choice", () => {
  const dayFirst = [person(1, "28/02/1990"), person(2, "05/06/1991"), person(3, "1992-03-04")];
  const unclear = [person(1, "05/06/1990"), person(2, "01/02/1991")];

  it.each<
    [
      name: string,
      rows: GridCells[],
      choice: TextDateChoice | undefined,
      valid: number,
      sent: (string | undefined)[],
      error?: string,
    ]
  >([
    [
      "DD/MM column, conversion on by default",
      dayFirst,
      undefined,
      3,
      ["1990-02-28", "1991-06-05", undefined],
    ],
    [
      "DD/MM column, conversion off",
      dayFirst,
      "refuse",
      1,
      [undefined, undefined, undefined],
      "Written DD/MM/YYYY; turn on the conversion above the grid, or write YYYY-MM-DD",
    ],
    ["DD/MM column, conversion on again", dayFirst, "detected", 3, ["1990-02-28", "1991-06-05", undefined]],
    [
      "unclear column, no order chosen",
      unclear,
      undefined,
      0,
      [undefined, undefined],
      "The column's text dates do not show whether they are day-first or month-first; choose the order above the grid, or write them as YYYY-MM-DD",
    ],
    ["unclear column, DD/MM chosen", unclear, "dmy", 2, ["1990-06-05", "1991-02-01"]],
    ["unclear column, MM/DD chosen", unclear, "mdy", 2, ["1990-05-06", "1991-01-02"]],
  ])("%s", (_name, rows, choice, valid, sent, error) => {
    const validation = validateGrid(rows, {
      defaultRegion: "PT",
      today: "2026-11-27",
      ...(choice ? { textDates: choice } : {}),
    });
    expect(validation.validCount).toBe(valid);
    expect(
      validation.verdicts.map((verdict) => (verdict.kind === "blank" ? undefined : verdict.sent.birth)),
    ).toEqual(sent);
    const firstInvalid = validation.verdicts.find((verdict) => verdict.kind === "invalid");
    expect(firstInvalid?.kind === "invalid" ? firstInvalid.errors.birth : undefined).toBe(error);
  });
});

describe("validateGrid: a held-back row's partial identity carries the forms it would be sent in", () => {
  const partial = (identity: Partial<GridCells>): GridCells => ({
    ...emptyGridCells(),
    contact: "held@example.com",
    ...identity,
  });

  it.each<
    [
      name: string,
      column: GridCells[],
      held: GridCells,
      choice: TextDateChoice | undefined,
      sent: Partial<GridCells>,
      errors: string[],
    ]
  >([
    [
      "day-first, as the column proves (31/12/1990)",
      [person(1, "31/12/1990")],
      partial({ fullName: "Bea", birth: "01/02/1980", countryAlpha3: "esp" }),
      undefined,
      { birth: "1980-02-01", countryAlpha3: "ESP" },
      ["docId"],
    ],
    [
      "month-first, as the column proves (12/31/1990)",
      [person(1, "12/31/1990")],
      partial({ fullName: "Bea", birth: "01/02/1980", countryAlpha3: "esp" }),
      undefined,
      { birth: "1980-01-02", countryAlpha3: "ESP" },
      ["docId"],
    ],
    [
      "the operator's order for a column that cannot tell",
      [person(1, "05/06/1991")],
      partial({ birth: "01/02/1980", docId: "1 2", countryAlpha3: "ESP" }),
      "mdy",
      { birth: "1980-01-02", docId: "12" },
      ["fullName"],
    ],
    [
      "a column that cannot tell, and no order chosen: the date has no form yet, and says why",
      [person(1, "05/06/1991")],
      partial({ fullName: "Bea", birth: "01/02/1980", countryAlpha3: "ESP" }),
      undefined,
      {},
      ["birth", "docId"],
    ],
    [
      "a birth in the future",
      [person(1, "31/12/1990")],
      partial({ birth: "01/02/2085", docId: "98 76" }),
      undefined,
      { docId: "9876" },
      ["fullName", "birth", "countryAlpha3"],
    ],
  ])("%s", (_name, column, held, choice, sent, errors) => {
    const validation = validateGrid([...column, held], {
      defaultRegion: "PT",
      today: "2026-11-27",
      ...(choice ? { textDates: choice } : {}),
    });
    const verdict = validation.verdicts[column.length];
    expect(verdict?.kind).toBe("invalid");
    if (verdict?.kind !== "invalid") return;
    expect(verdict.sent).toEqual(sent);
    expect(Object.keys(verdict.errors).sort()).toEqual([...errors].sort());
  });
});

describe("encodedVerdictsOfRows (the grid workers' check loop)", () => {
  const OPTIONS = { defaultRegion: "PT", today: "2026-11-27" } as const;
  it.each<[name: string, rows: GridCells[], valid: number]>([
    ["no rows", [], 0],
    ["a blank row", [emptyGridCells()], 0],
    ["valid rows", [person(1, "1990-01-02"), person(2, "1991-03-04")], 2],
    [
      "a phone restored to E.164 (a changed value travels in full)",
      [{ ...person(3, "1990-01-02"), contact: "912345678" }],
      1,
    ],
    [
      "an invalid row between valid ones",
      [
        person(4, "1990-01-02"),
        { ...person(5, "1990-01-02"), countryAlpha3: "XXX" },
        person(6, "1992-01-02"),
      ],
      2,
    ],
  ])("%s: decodes to each row's own verdict; countValid %i", (_name, rows, valid) => {
    const profile = profileColumns(rows);
    const encoded = encodedVerdictsOfRows(rows, profile, OPTIONS);
    expect(decodeVerdicts(encoded)).toEqual(rows.map((row) => verdictOfRow(row, profile, OPTIONS)));
    expect(countValid(encoded)).toBe(valid);
  });
});
