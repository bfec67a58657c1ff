import { describe, expect, it } from "vitest";
import { pasteMessage } from "./paste-message";

describe("pasteMessage", () => {
  it.each<[string, Parameters<typeof pasteMessage>[0], string]>([
    [
      "plain rows",
      { firstRow: 0, rowCount: 2, hasHeader: false, header: null, unmappedColumns: [] },
      "Pasted 2 rows at row 1. Ctrl+Z undoes it.",
    ],
    [
      "one plain row past the grid's columns",
      { firstRow: 4, rowCount: 1, hasHeader: false, header: null, unmappedColumns: ["Column 7"] },
      "Pasted 1 row at row 5. Ignored columns: Column 7. Ctrl+Z undoes it.",
    ],
    [
      "rows under a header: the line taken as column names and what each matched",
      {
        firstRow: 0,
        rowCount: 1_200,
        hasHeader: true,
        header: ["E-mail", "Nome", "Notes", "Telemóvel", " País "],
        unmappedColumns: ["Notes"],
      },
      "Pasted 1,200 rows at row 1. The first line (E-mail, Nome, Notes, Telemóvel, País) was read as column names, not as a row: “E-mail” → Contact (e-mail), “Nome” → Full name, “Telemóvel” → Contact (phone), “País” → Country (alpha-3). Ignored columns: Notes. Ctrl+Z undoes it.",
    ],
    [
      "a header alone",
      { firstRow: 0, rowCount: 0, hasHeader: true, header: ["Email", "Name"], unmappedColumns: [] },
      "Nothing to paste: the clipboard held only a header row. The first line (Email, Name) was read as column names, not as a row: “Email” → Contact (e-mail), “Name” → Full name. Copy the rows under it too.",
    ],
    [
      "no cells",
      { firstRow: 0, rowCount: 0, hasHeader: false, header: null, unmappedColumns: [] },
      "Nothing to paste: the clipboard held no cells.",
    ],
  ])("%s", (_name, outcome, message) => {
    expect(pasteMessage(outcome)).toBe(message);
  });
});
