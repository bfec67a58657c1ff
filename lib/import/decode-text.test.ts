import { describe, expect, it } from "vitest";
import { decodeText, decodeWindows1252, sniffUtf16 } from "./decode-text";

const bytes = (...values: number[]) => new Uint8Array(values);

function utf16(text: string, bigEndian: boolean): number[] {
  const out: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    out.push(...(bigEndian ? [unit >> 8, unit & 0xff] : [unit & 0xff, unit >> 8]));
  }
  return out;
}

/** Case titles in hex, as the bytes are usually quoted ("0x92"). */
const hexCases = (cases: [number, string][]) =>
  cases.map(([byte, text]) => [`0x${byte.toString(16).toUpperCase()}`, byte, text] as const);

const utf8 = (text: string) => Array.from(new TextEncoder().encode(text));

describe("decodeText", () => {
  it.each([
    ["UTF-8 BOM", [0xef, 0xbb, 0xbf, ...utf8("Nome;País\r\n")], "Nome;País\r\n", "utf-8-bom"],
    ["UTF-16LE BOM", [0xff, 0xfe, ...utf16("Email\tŁucja\r\n", false)], "Email\tŁucja\r\n", "utf-16le"],
    ["UTF-16BE BOM", [0xfe, 0xff, ...utf16("Email\tŁucja\r\n", true)], "Email\tŁucja\r\n", "utf-16be"],
    [
      "UTF-16LE without BOM",
      utf16("Email\tPhone\r\nana@x.pt\t\r\n", false),
      "Email\tPhone\r\nana@x.pt\t\r\n",
      "utf-16le",
    ],
    [
      "UTF-16BE without BOM",
      utf16("Email\tPhone\r\nana@x.pt\t\r\n", true),
      "Email\tPhone\r\nana@x.pt\t\r\n",
      "utf-16be",
    ],
    ["UTF-8 multibyte", utf8("Nguyễn Thị Mai;D’Ávila;€;😀"), "Nguyễn Thị Mai;D’Ávila;€;😀", "utf-8"],
    ["plain ASCII", utf8("a,b\n"), "a,b\n", "utf-8"],
    ["Windows-1252 (invalid UTF-8)", [0x44, 0x92, 0xc1, 0x76, 0x69, 0x6c, 0x61], "D’Ávila", "windows-1252"],
    [
      "Windows-1252 Latin-1 letters",
      [0x54, 0x65, 0x6c, 0x65, 0x6d, 0xf3, 0x76, 0x65, 0x6c, 0x3b, 0x4e, 0x2e, 0xba],
      "Telemóvel;N.º",
      "windows-1252",
    ],
    ["empty", [], "", "utf-8"],
  ])("%s", (_, input, text, encoding) => {
    expect(decodeText(new Uint8Array(input))).toEqual({ text, encoding });
  });

  it("removes only the BOM, keeping a U+FEFF that follows it", () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61)).text).toBe("\uFEFFa");
  });

  it("marks a truncated UTF-16BE code unit with U+FFFD", () => {
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x61, 0x00))).toEqual({
      text: "a\uFFFD",
      encoding: "utf-16be",
    });
  });
});

describe("decodeWindows1252", () => {
  // The whole WHATWG windows-1252 index for 0x80–0x9F, written independently of the implementation.
  it.each(
    hexCases([
      [0x80, "\u20AC"],
      [0x81, "\u0081"],
      [0x82, "\u201A"],
      [0x83, "\u0192"],
      [0x84, "\u201E"],
      [0x85, "\u2026"],
      [0x86, "\u2020"],
      [0x87, "\u2021"],
      [0x88, "\u02C6"],
      [0x89, "\u2030"],
      [0x8a, "\u0160"],
      [0x8b, "\u2039"],
      [0x8c, "\u0152"],
      [0x8d, "\u008D"],
      [0x8e, "\u017D"],
      [0x8f, "\u008F"],
      [0x90, "\u0090"],
      [0x91, "\u2018"],
      [0x92, "\u2019"],
      [0x93, "\u201C"],
      [0x94, "\u201D"],
      [0x95, "\u2022"],
      [0x96, "\u2013"],
      [0x97, "\u2014"],
      [0x98, "\u02DC"],
      [0x99, "\u2122"],
      [0x9a, "\u0161"],
      [0x9b, "\u203A"],
      [0x9c, "\u0153"],
      [0x9d, "\u009D"],
      [0x9e, "\u017E"],
      [0x9f, "\u0178"],
    ]),
  )("%s", (_, byte, expected) => {
    expect(decodeWindows1252(bytes(byte))).toBe(expected);
  });

  it.each(
    hexCases([
      [0x41, "A"],
      [0x7f, "\u007F"],
      [0xa0, "\u00A0"],
      [0xaa, "ª"],
      [0xba, "º"],
      [0xc1, "Á"],
      [0xc7, "Ç"],
      [0xe3, "ã"],
      [0xe7, "ç"],
      [0xe9, "é"],
      [0xf3, "ó"],
      [0xf5, "õ"],
      [0xfc, "ü"],
      [0xff, "ÿ"],
    ]),
  )("Latin-1 byte %s", (_, byte, expected) => {
    expect(decodeWindows1252(bytes(byte))).toBe(expected);
  });

  it("decodes long inputs", () => {
    const input = new Uint8Array(20_000).fill(0x92);
    expect(decodeWindows1252(input)).toBe("’".repeat(20_000));
  });
});

describe("sniffUtf16", () => {
  it.each([
    ["Latin text in UTF-8", utf8("Nome completo;E-mail;Telemóvel"), null],
    ["too short", [0x61, 0x00], null],
    ["little-endian", utf16("Full name\tCountry", false), "utf-16le"],
    ["big-endian", utf16("Full name\tCountry", true), "utf-16be"],
    ["binary with NULs everywhere", new Array<number>(64).fill(0), null],
  ])("%s", (_, input, expected) => {
    expect(sniffUtf16(new Uint8Array(input))).toBe(expected);
  });
});
