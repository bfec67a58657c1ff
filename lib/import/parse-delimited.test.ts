import { describe, expect, it } from "vitest";
import { parseDelimitedText, rowBoundaryAfter } from "./parse-delimited";
import { randomPastedText, seededRandom } from "./pasted-text.test-support";

describe("parseDelimitedText", () => {
  it.each<[string, string, string[][]]>([
    ["empty text", "", []],
    ["one cell", "a", [["a"]]],
    [
      "tab-separated LF rows",
      "a\tb\nc\td",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "CRLF line ends",
      "a\tb\r\nc\td\r\n",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "lone CR line ends",
      "a\tb\rc\td\r",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    ["mixed line ends", "a\r\nb\nc\rd", [["a"], ["b"], ["c"], ["d"]]],
    ["trailing LF gives no phantom row", "a\tb\n", [["a", "b"]]],
    ["trailing CRLF gives no phantom row", "a\tb\r\n", [["a", "b"]]],
    ["several trailing newlines", "a\n\n\r\n", [["a"]]],
    ['"" escapes inside quotes', '"say ""hi"""\tb', [['say "hi"', "b"]]],
    ["only an escaped quote", '""""', [['"']]],
    ["empty quoted cell", '""\tb', [["", "b"]]],
    ["tab inside quotes", '"a\tb"\tc', [["a\tb", "c"]]],
    ["LF inside quotes", '"line 1\nline 2"\tx\ny', [["line 1\nline 2", "x"], ["y"]]],
    ["CRLF inside quotes", '"line 1\r\nline 2"\tx\r\ny\r\n', [["line 1\r\nline 2", "x"], ["y"]]],
    ["quoted cell at end of text", 'a\t"b"', [["a", "b"]]],
    ["NBSP trimmed", "\u00a0a\u00a0\tb\u00a0", [["a", "b"]]],
    ["spaces trimmed", "  a \t b  ", [["a", "b"]]],
    ["whitespace inside quotes trimmed too", '" a "\tb', [["a", "b"]]],
    ["internal spaces kept", "Ana  Silva\tx", [["Ana  Silva", "x"]]],
    ["leading UTF-8 BOM", "\ufeffEmail\tPhone\r\n", [["Email", "Phone"]]],
    ["U+FEFF inside a cell is kept", "a\tb\ufeffc", [["a", "b\ufeffc"]]],
    [
      "blank rows in the middle keep their place",
      "a\n\n\t\t\n \t\u00a0\nb",
      [["a"], [""], ["", "", ""], ["", ""], ["b"]],
    ],
    ["blank rows at the end dropped", "a\r\n\r\n\t\r\n", [["a"]]],
    ["ragged rows", "a\tb\tc\nd\ne\tf", [["a", "b", "c"], ["d"], ["e", "f"]]],
    ["empty cells kept inside a row", "a\t\tc", [["a", "", "c"]]],
    ["trailing delimiter keeps an empty cell", "a\t", [["a", ""]]],
    ["quote mid-cell is literal", 'O"Brien\t5" tall', [['O"Brien', '5" tall']]],
    ["quote after leading space is literal", ' "a\tb"', [['"a', 'b"']]],
    ["text after the closing quote is kept", '"abc"def\tg', [["abcdef", "g"]]],
    ["unclosed quote is literal", '"abc\tdef\nghi', [['"abc', "def"], ["ghi"]]],
  ])("%s", (_name, text, expected) => {
    expect(parseDelimitedText(text)).toEqual(expected);
  });

  it.each<[string, string, string[][]]>([
    [
      ";",
      'Nome;País\r\n"Silva; Ana";PRT\r\n',
      [
        ["Nome", "País"],
        ["Silva; Ana", "PRT"],
      ],
    ],
    [",", 'a,"b,c",d', [["a", "b,c", "d"]]],
  ])("custom delimiter %j", (delimiter, text, expected) => {
    expect(parseDelimitedText(text, delimiter)).toEqual(expected);
  });

  it.each(["", "ab", '"', "\n", "\r"])("rejects delimiter %j", (delimiter) => {
    expect(() => parseDelimitedText("a", delimiter)).toThrow("Unsupported delimiter");
  });

  // No time asserted (speed belongs in bench/): a scan that went quadratic on 8 MB would not finish
  // within the test's timeout, and the last row proves every quoted cell before it was closed.
  it("parses 100,000 rows with quoted cells to the last one", () => {
    const line = 'ana@example.com\t1001\t"Ana ""A"" Silva"\t1990-01-01\t12345678\tPRT\r\n';
    const text = line.repeat(100_000);
    const rows = parseDelimitedText(text);
    expect(rows).toHaveLength(100_000);
    expect(rows[99_999]).toEqual([
      "ana@example.com",
      "1001",
      'Ana "A" Silva',
      "1990-01-01",
      "12345678",
      "PRT",
    ]);
  });
});

describe("rowBoundaryAfter", () => {
  it.each<[string, string, number, number]>([
    ["the first row start when the offset is 0", "a\tb\nc", 0, 0],
    ["after a LF", "a\tb\nc\td", 1, 4],
    ["after a CRLF", "a\r\nb", 2, 3],
    ["after a lone CR", "a\rb", 1, 2],
    ["not inside a quoted line break", '"x\ny"\tz\nw', 1, 8],
    ["not at a cell start after a delimiter", "a\tb\tc\nd", 2, 6],
    ["the text's end when no row starts after the offset", "a\tb\nc", 5, 5],
    ["past a BOM", "\ufeffa\nb", 0, 1],
  ])("%s", (_name, text, offset, expected) => {
    expect(rowBoundaryAfter(text, offset)).toBe(expected);
  });

  it("finds the first row start at or after the offset, as a cell-by-cell scan does", () => {
    const random = seededRandom(20261128);
    for (let trial = 0; trial < 400; trial += 1) {
      const text = randomPastedText(random);
      const starts = rowStartsByCellScan(text);
      for (let offset = 0; offset <= text.length + 1; offset += 1) {
        const expected = starts.find((start) => start >= offset) ?? text.length;
        expect({ text, offset, boundary: rowBoundaryAfter(text, offset) }).toStrictEqual({
          text,
          offset,
          boundary: expected,
        });
      }
    }
  });

  it("cuts texts into parts that parse into the whole text's rows", () => {
    const random = seededRandom(20261127);
    for (let trial = 0; trial < 400; trial += 1) {
      const text = randomPastedText(random);
      const whole = parseDelimitedText(text);
      for (let offset = 0; offset <= text.length; offset += 1 + Math.floor(random() * 5)) {
        const boundary = rowBoundaryAfter(text, offset);
        const first = parseDelimitedText(text, "\t", { end: boundary, keepTrailingBlankRows: true });
        const second = parseDelimitedText(text, "\t", { start: boundary });
        const joined = second.length > 0 ? [...first, ...second] : first;
        while (second.length === 0 && joined.length > 0 && joined.at(-1)?.every((cell) => cell === ""))
          joined.pop();
        expect({ text, boundary, rows: joined }).toStrictEqual({ text, boundary, rows: whole });
      }
    }
  });
});

/**
 * Every row start of `text`, found the slow way: cell by cell, as parseDelimitedText reads them (a
 * quote opens a quoted cell only at a cell start and only when a closing quote follows).
 */
function rowStartsByCellScan(text: string): number[] {
  const starts: number[] = [];
  let index = text.startsWith("\ufeff") ? 1 : 0;
  const unquotedEnd = (from: number) => {
    let end = from;
    while (end < text.length && !"\t\r\n".includes(text.charAt(end))) end += 1;
    return end;
  };
  const cellEnd = (from: number) => {
    if (text.charAt(from) === '"') {
      for (let search = from + 1; ; ) {
        const quote = text.indexOf('"', search);
        if (quote === -1) break;
        if (text.charAt(quote + 1) === '"') search = quote + 2;
        else return unquotedEnd(quote + 1);
      }
    }
    return unquotedEnd(from);
  };
  starts.push(index);
  for (;;) {
    const end = cellEnd(index);
    if (end >= text.length) return starts;
    if (text.charAt(end) === "\t") {
      index = end + 1;
      continue;
    }
    index = text.startsWith("\r\n", end) ? end + 2 : end + 1;
    starts.push(index);
  }
}
