import { describe, expect, it } from "vitest";
import { detectDelimiter } from "./detect-delimiter";

describe("detectDelimiter", () => {
  it.each([
    ["semicolon (pt-PT Excel)", "Nome;E-mail;País\r\nAna;ana@x.pt;PRT\r\nRui;;PRT\r\n", ";"],
    ["comma", "name,email,country\nAna,ana@x.pt,PRT\nRui,,PRT\n", ","],
    ["tab", "Email\tPhone\tFull name\r\na@x.pt\t\tAna\r\n", "\t"],
    [
      "commas inside quoted cells do not count",
      'name;city\n"Costa, Ana";"Lisboa, PT"\n"Silva, Rui";Porto\n',
      ";",
    ],
    ["a quoted cell spanning lines", 'a,b\n"line one;\nline two; three",x\nc,d\n', ","],
    ["escaped quotes stay inside the cell", 'a;b\n"say ""x,y""";z\nc;d\n', ";"],
    ["an inch mark inside a cell does not open a quote", 'item;size\nTV 5" screen, black;40\nLamp;2\n', ";"],
    ["decimal commas in a semicolon file", "name;height\nAna;1,62\nRui;1,80\nEva;1,7\n", ";"],
    ["consistency beats frequency", "a,b;c;d\nx,y,z,w,v;q\np;q\n", ";"],
    ["the BOM and blank lines are ignored", "\uFEFFa;b\r\n\r\n;\r\nc;d\r\n", ";"],
    ["tab wins a tie", "a\tb;c,d\n", "\t"],
    ["semicolon beats comma in a tie", "a;b,c\n", ";"],
    ["no delimiter at all falls back to tab", "email\nana@x.pt\n", "\t"],
    ["empty text", "", "\t"],
  ])("%s", (_, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it("looks only at the first 20 records", () => {
    const head = Array.from({ length: 20 }, (_, row) => `a${row};b;c`).join("\n");
    const tail = Array.from({ length: 100 }, (_, row) => `x${row},y,z,w`).join("\n");
    expect(detectDelimiter(`${head}\n${tail}`)).toBe(";");
  });
});
