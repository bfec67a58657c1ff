/**
 * Decodes the bytes of an uploaded text export (CSV, TSV, "Unicode Text") into a string. Spreadsheet
 * programs write UTF-8 with or without a BOM, UTF-16 (Excel's "Unicode Text") and, on Windows,
 * the ANSI code page 1252. Runs in a Web Worker: only Uint8Array and TextDecoder.
 */

export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * The WHATWG windows-1252 index for 0x80–0x9F. Written out because Node 20.20's
 * TextDecoder("windows-1252") decodes these bytes as Latin-1 C1 controls (0x92 → U+0092 instead
 * of ’), so tests under Node would disagree with browsers. 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no
 * glyph and map to the same code point, as the WHATWG index says.
 */
const WINDOWS_1252_HIGH: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** How many leading bytes are inspected for the UTF-16 NUL pattern; enough for a header and some rows. */
const SNIFF_BYTES = 4096;
// ASCII text in UTF-16 has a NUL in every other byte; a lower bar tolerates names in other scripts.
const NUL_SHARE_FOR_UTF16 = 0.3;
// Real 8-bit text has (almost) no NULs, so the other half of the pairs must stay nearly clean.
const NUL_SHARE_OTHER_HALF = 0.05;

export function decodeWindows1252(bytes: Uint8Array): string {
  // Written as UTF-16LE bytes and decoded in one native call: building the string in JavaScript
  // takes seconds for a 50 MB file. Every code point here is in the BMP, so one code unit each.
  const utf16 = new Uint8Array(bytes.length * 2);
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] ?? 0;
    // Everything outside 0x80–0x9F is identical to Latin-1, i.e. the byte is the code point.
    const codePoint = byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte;
    utf16[index * 2] = codePoint & 0xff;
    utf16[index * 2 + 1] = codePoint >> 8;
  }
  return new TextDecoder("utf-16le").decode(utf16);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** "utf-16le" when NULs sit at odd offsets (ASCII "E" = 45 00), "utf-16be" at even ones, else null. */
export function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNuls++;
    if (bytes[index + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  if (oddNuls / pairs >= NUL_SHARE_FOR_UTF16 && evenNuls / pairs <= NUL_SHARE_OTHER_HALF) return "utf-16le";
  if (evenNuls / pairs >= NUL_SHARE_FOR_UTF16 && oddNuls / pairs <= NUL_SHARE_OTHER_HALF) return "utf-16be";
  return null;
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  if (!bigEndian) return new TextDecoder("utf-16le").decode(bytes);
  // Swapping to little-endian avoids relying on "utf-16be" support, which small-ICU builds may lack.
  const swapped = new Uint8Array(bytes.length & ~1);
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    swapped[index] = bytes[index + 1] ?? 0;
    swapped[index + 1] = bytes[index] ?? 0;
  }
  const text = new TextDecoder("utf-16le").decode(swapped);
  // An odd trailing byte is a truncated code unit; TextDecoder marks that the same way.
  return bytes.length % 2 === 1 ? `${text}\uFFFD` : text;
}

function tryStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * BOM first (it is explicit), then the UTF-16 NUL pattern, then strict UTF-8; bytes that are not
 * valid UTF-8 are taken as Windows-1252, the code page Excel uses for "CSV" on Western Windows.
 * The BOM is never part of the returned text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return {
      text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(3)),
      encoding: "utf-8-bom",
    };
  }
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: decodeUtf16(bytes.subarray(2), false), encoding: "utf-16le" };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: decodeUtf16(bytes.subarray(2), true), encoding: "utf-16be" };

  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decodeUtf16(bytes, utf16 === "utf-16be"), encoding: utf16 };

  const utf8 = tryStrictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };
  return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
}
