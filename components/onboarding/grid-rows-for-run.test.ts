import { describe, expect, it } from "vitest";
import { emptyGridCells, type GridCells, subjectToGridCells } from "@/lib/import/grid-fields";
import type { TextDateChoice } from "@/lib/import/normalise-date";
import { validateGrid } from "@/lib/import/validate-grid";
import { gridRowsForRun } from "./grid-rows-for-run";

const TODAY = "2026-11-27";

function row(values: Partial<GridCells>): GridCells {
  return { ...emptyGridCells(), ...values };
}

/** What the run stores for `rows` and what "Edit failed rows" loads back into the grid from it. */
function storedAndLoadedBack(rows: GridCells[], textDates: TextDateChoice = "detected"): GridCells[] {
  const validation = validateGrid(rows, { defaultRegion: "PT", today: TODAY, textDates });
  return gridRowsForRun(rows, validation).map((input) =>
    subjectToGridCells(input.subject as Parameters<typeof subjectToGridCells>[0]),
  );
}

// A day-first column (31/12/1990 proves the order), as Excel in Portugal leaves it.
const SENT = row({
  contact: "ana@example.com",
  fullName: "Ana Silva",
  birth: "31/12/1990",
  docId: "123 456 789",
  countryAlpha3: "PRT",
});

describe("gridRowsForRun: every cell in the form the console sends, whether or not its row is sent", () => {
  it.each<[string, GridCells, Partial<GridCells>]>([
    ["a valid row (sent)", SENT, { birth: "1990-12-31", docId: "123456789", countryAlpha3: "PRT" }],
    [
      "held back for its contact, identity complete",
      row({
        contact: "not a contact",
        fullName: "Rui",
        birth: "30/11/1985",
        docId: "1",
        countryAlpha3: "prt",
      }),
      { contact: "not a contact", birth: "1985-11-30", countryAlpha3: "PRT" },
    ],
    [
      "held back for a missing document: the other identity cells still in the sent form",
      row({ contact: "912 345 678", fullName: "Bea", birth: "01/02/1980", countryAlpha3: "esp" }),
      { contact: "+351912345678", birth: "1980-02-01", docId: "", countryAlpha3: "ESP" },
    ],
    [
      "held back for a missing country, document with spaces",
      row({ contact: "eva@example.com", fullName: "Eva", birth: "15/06/1975", docId: "98 76" }),
      { birth: "1975-06-15", docId: "9876", countryAlpha3: "" },
    ],
    [
      "an unreadable date has no sent form: as typed",
      row({
        contact: "joao@example.com",
        fullName: "João",
        birth: "31/02/1990",
        docId: "5",
        countryAlpha3: "PRT",
      }),
      { birth: "31/02/1990" },
    ],
    [
      "an unknown country has no sent form: as typed",
      row({ contact: "luis@example.com", fullName: "Luís", birth: "01/03/1970", countryAlpha3: "XYZ" }),
      { birth: "1970-03-01", countryAlpha3: "XYZ" },
    ],
    [
      "a birth in the future has no sent form, as in a complete identity: as typed",
      row({ contact: "rita@example.com", fullName: "Rita", birth: "01/02/2099", countryAlpha3: "prt" }),
      { birth: "01/02/2099", countryAlpha3: "PRT" },
    ],
  ])("%s", (_name, cells, expected) => {
    const loaded = storedAndLoadedBack([SENT, cells]);
    expect(loaded[1]).toMatchObject(expected);
  });

  it("loads one birth format back into the column: the failed sent rows and the held-back ones alike", () => {
    const rows = [
      SENT,
      row({ contact: "bea@example.com", fullName: "Bea", birth: "01/02/1980", countryAlpha3: "ESP" }),
      row({ contact: "nope", fullName: "Rui", birth: "30/11/1985", docId: "1", countryAlpha3: "PRT" }),
    ];
    expect(storedAndLoadedBack(rows).map((cells) => cells.birth)).toEqual([
      "1990-12-31",
      "1980-02-01",
      "1985-11-30",
    ]);
  });

  it("keeps text dates as typed when the operator refused their conversion (no row sends them)", () => {
    const rows = [
      SENT,
      row({ contact: "bea@example.com", fullName: "Bea", birth: "01/02/1980", countryAlpha3: "ESP" }),
    ];
    expect(storedAndLoadedBack(rows, "refuse").map((cells) => cells.birth)).toEqual([
      "31/12/1990",
      "01/02/1980",
    ]);
  });

  it("says why a held-back row is not sent", () => {
    const rows = [
      row({ contact: "bea@example.com", fullName: "Bea", birth: "01/02/1980", countryAlpha3: "ESP" }),
    ];
    const validation = validateGrid(rows, { defaultRegion: "PT", today: TODAY });
    expect(gridRowsForRun(rows, validation)).toEqual([
      expect.objectContaining({ rowIndex: 0, heldBack: expect.stringContaining("Document number:") }),
    ]);
  });
});
