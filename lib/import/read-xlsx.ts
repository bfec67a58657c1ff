/**
 * A small XLSX reader: every sheet as a table of the strings an importer needs. Written on fflate's
 * unzip rather than a full spreadsheet library because the importer needs only cell text, dates
 * recognised from custom format codes, and integers without float noise, and it runs in a Web
 * Worker. The XML parts are scanned with regular expressions: SpreadsheetML is machine-written,
 * flat, and far larger than a DOM would comfortably hold.
 */
import { unzipSync } from "fflate";

export interface XlsxSheet {
  name: string;
  table: string[][];
}

// A guard against zip bombs: real workbooks of 50 MB unpack to a few hundred MB of XML at most.
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

type XmlAttributes = Record<string, string>;
type XmlElement = { attributes: XmlAttributes; body: string };

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// OOXML writes characters XML cannot hold (controls, CR) as _xHHHH_, and a literal "_x" as _x005F_x.
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (entity, hex?: string, decimal?: string, named?: string) => {
    if (named) return NAMED_ENTITIES[named] ?? entity;
    const codePoint = Number.parseInt(hex ?? decimal ?? "", hex ? 16 : 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  });
}

function decodeOoxmlText(text: string): string {
  const decoded = decodeXml(text);
  if (!decoded.includes("_x")) return decoded;
  return decoded.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

// Module-level and reset on each use (exec, not matchAll): this runs for every cell of the sheet.
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
// A cell's value, <v> (any prefix); `<v/>` or no <v> means an empty cell.
const CELL_VALUE = /<(?:[\w.-]+:)?v>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;

function parseAttributes(tag: string): XmlAttributes {
  const attributes: XmlAttributes = {};
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(tag); match; match = ATTRIBUTE.exec(tag)) {
    attributes[match[1] ?? ""] = decodeXml(match[2] ?? match[3] ?? "");
  }
  return attributes;
}

const ELEMENT_PATTERNS = new Map<string, RegExp>();

/** Elements named `name` (any namespace prefix), self-closing or not; not for nested same-name elements. */
function* elements(xml: string, name: string): Generator<XmlElement> {
  let pattern = ELEMENT_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(
      `<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}>)`,
      "g",
    );
    ELEMENT_PATTERNS.set(name, pattern);
  }
  // matchAll iterates a copy, so the cached pattern's lastIndex is never shared between scans.
  for (const match of xml.matchAll(pattern)) {
    yield { attributes: parseAttributes(match[1] ?? ""), body: match[2] ?? "" };
  }
}

function firstElement(xml: string, name: string): XmlElement | undefined {
  for (const element of elements(xml, name)) return element;
  return undefined;
}

/** The text of a shared or inline string: all runs joined, without phonetic (furigana) runs. */
function richText(xml: string): string {
  const withoutPhonetics = xml.includes("rPh")
    ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "")
    : xml;
  let text = "";
  for (const run of elements(withoutPhonetics, "t")) text += decodeOoxmlText(run.body);
  return text;
}

type NumberFormat =
  | { kind: "general" }
  | { kind: "date" }
  | { kind: "fixed"; digits: number; decimals: number };
const GENERAL: NumberFormat = { kind: "general" };

// Built-in ids, which Excel does not write into styles.xml: 14–17 and 22 are dates (18–21 and 45–47
// are times only), 27–36 and 50–58 the East Asian date formats; 1 is "0" and 2 is "0.00".
const BUILT_IN_FORMATS: ReadonlyMap<number, NumberFormat> = new Map([
  [1, { kind: "fixed", digits: 1, decimals: 0 }],
  [2, { kind: "fixed", digits: 1, decimals: 2 }],
  ...[14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58].map(
    (id) => [id, { kind: "date" }] as [number, NumberFormat],
  ),
]);

/**
 * Classifies a format code by its first section. Quoted text, escapes, fills and [colour]/[$locale]
 * tags are removed first, so `"day"0` or `[$-409]` are not mistaken for date tokens. Time-only
 * formats (h:mm) stay General: the importer has no time fields.
 */
export function classifyFormatCode(code: string): NumberFormat {
  const section = code.replace(/"[^"]*"/g, "").split(";")[0] ?? "";
  const tokens = section.replace(/\\.|[_*]./g, "").replace(/\[[^\]]*\]/g, "");
  if (/[dy]|m{3,}/i.test(tokens)) return { kind: "date" };
  const fixed = /^(0+)(?:\.(0+))?$/.exec(tokens.trim());
  if (fixed) return { kind: "fixed", digits: fixed[1]?.length ?? 1, decimals: fixed[2]?.length ?? 0 };
  return GENERAL;
}

/** The number format of each cellXfs entry, the index a cell's `s` attribute refers to. */
function readCellFormats(stylesXml: string): NumberFormat[] {
  const custom = new Map<number, NumberFormat>();
  for (const { attributes } of elements(stylesXml, "numFmt")) {
    custom.set(Number(attributes.numFmtId), classifyFormatCode(attributes.formatCode ?? ""));
  }
  const cellXfs = firstElement(stylesXml, "cellXfs")?.body ?? "";
  return Array.from(elements(cellXfs, "xf"), ({ attributes }) => {
    const id = Number(attributes.numFmtId ?? 0);
    return custom.get(id) ?? BUILT_IN_FORMATS.get(id) ?? GENERAL;
  });
}

const MS_PER_DAY = 86_400_000;
const SECONDS_PER_DAY = 86_400;

/**
 * A serial date as ISO YYYY-MM-DD, computed in UTC so no time zone can shift the day. A time of day,
 * if any, is kept ("YYYY-MM-DD HH:MM:SS") rather than dropped: a birth date stored at 23:00 is
 * usually a time-zone slip the operator must see. Returns null outside years 1–9999.
 */
export function serialToIsoDate(serial: number, date1904 = false): string | null {
  const totalSeconds = Math.round(serial * SECONDS_PER_DAY);
  let days = Math.floor(totalSeconds / SECONDS_PER_DAY);
  const seconds = totalSeconds - days * SECONDS_PER_DAY;
  // Excel's 1900 calendar has the fictitious 1900-02-29 (serial 60): earlier serials run one day late.
  if (!date1904 && days > 0 && days < 60) days += 1;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + days * MS_PER_DAY);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 1 || year > 9999) return null;
  const iso = date.toISOString().slice(0, 10);
  if (seconds === 0) return iso;
  return `${iso} ${new Date(seconds * 1000).toISOString().slice(11, 19)}`;
}

/** Excel's General keeps 15 significant digits; rounding there removes binary noise (0.1+0.2). */
export function formatGeneralNumber(value: number): string {
  // Ids and phones are safe integers and print exactly; skipping toPrecision saves time on big sheets.
  if (Number.isSafeInteger(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

function formatNumber(raw: string, format: NumberFormat, date1904: boolean): string {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value)) return raw;
  if (format.kind === "date") return serialToIsoDate(value, date1904) ?? formatGeneralNumber(value);
  if (format.kind === "fixed" && Math.abs(value) < 1e15) {
    // Zero-padded formats like 00000000 are how users keep leading zeros on numeric document ids.
    const [integer = "", fraction] = Math.abs(value).toFixed(format.decimals).split(".");
    const sign = value < 0 && /[1-9]/.test(integer + (fraction ?? "")) ? "-" : "";
    return `${sign}${integer.padStart(format.digits, "0")}${fraction === undefined ? "" : `.${fraction}`}`;
  }
  return formatGeneralNumber(value);
}

interface WorkbookContext {
  sharedStrings: readonly string[];
  formats: readonly NumberFormat[];
  date1904: boolean;
}

function cellText({ attributes, body }: XmlElement, context: WorkbookContext): string {
  const type = attributes.t ?? "n";
  if (type === "inlineStr") return richText(firstElement(body, "is")?.body ?? "");
  const value = CELL_VALUE.exec(body)?.[1];
  if (value === undefined) return "";
  const raw = decodeXml(value);
  switch (type) {
    case "s":
      return context.sharedStrings[Number(raw)] ?? "";
    case "str":
      return decodeOoxmlText(value);
    case "b":
      return raw === "1" || raw === "true" ? "TRUE" : "FALSE";
    case "e":
      return raw;
    case "d":
      // ISO 8601 cells (t="d"): a plain calendar date unless a time of day is really there.
      return /^\d{4}-\d{2}-\d{2}(?:T00:00(?::00(?:\.0+)?)?Z?)?$/.test(raw) ? raw.slice(0, 10) : raw;
    default:
      return formatNumber(raw, context.formats[Number(attributes.s ?? 0)] ?? GENERAL, context.date1904);
  }
}

/** "BC12" → 54 (0-based); NaN when the reference has no letters. */
function columnIndex(reference: string): number {
  let index = 0;
  let position = 0;
  for (; position < reference.length; position++) {
    const letter = reference.charCodeAt(position) & ~0x20; // upper-cases ASCII letters
    if (letter < 0x41 || letter > 0x5a) break;
    index = index * 26 + letter - 0x40;
  }
  return position === 0 ? Number.NaN : index - 1;
}

/**
 * Rows stay at their spreadsheet positions (table[i] is row i + 1) so messages can name the row the
 * operator sees; empty rows are [] and trailing empty cells are dropped, as in a delimited file.
 */
function readSheetTable(sheetXml: string, context: WorkbookContext): string[][] {
  const table: string[][] = [];
  let nextRow = 0;
  for (const row of elements(firstElement(sheetXml, "sheetData")?.body ?? "", "row")) {
    const rowNumber = Number(row.attributes.r);
    const rowIndex = Number.isInteger(rowNumber) && rowNumber > 0 ? rowNumber - 1 : nextRow;
    nextRow = rowIndex + 1;
    const cells: string[] = [];
    let nextColumn = 0;
    for (const cell of elements(row.body, "c")) {
      const column = columnIndex(cell.attributes.r ?? "");
      const columnAt = Number.isNaN(column) ? nextColumn : column;
      nextColumn = columnAt + 1;
      const text = cellText(cell, context);
      if (text !== "") cells[columnAt] = text;
    }
    if (cells.length > 0) table[rowIndex] = Array.from(cells, (text) => text ?? "");
  }
  return Array.from(table, (row) => row ?? []);
}

type Relationship = { type: string; target: string };

/** Resolves a relationship target against the folder of the part that declares it. */
function resolvePart(baseDirectory: string, target: string): string {
  const joined = target.startsWith("/") ? target.slice(1) : `${baseDirectory}${target}`;
  const parts: string[] = [];
  for (const part of joined.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "" && part !== ".") parts.push(part);
  }
  return parts.join("/");
}

function readRelationships(relsXml: string, baseDirectory: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  for (const { attributes } of elements(relsXml, "Relationship")) {
    if (attributes.TargetMode === "External" || !attributes.Id || !attributes.Target) continue;
    relationships.set(attributes.Id, {
      type: attributes.Type ?? "",
      target: resolvePart(baseDirectory, attributes.Target),
    });
  }
  return relationships;
}

function unzipXmlParts(bytes: Uint8Array): Map<string, string> {
  let unpacked = 0;
  const files = unzipSync(bytes, {
    filter: (file) => {
      if (!/\.(xml|rels)$/i.test(file.name)) return false;
      unpacked += file.originalSize;
      if (unpacked > MAX_UNPACKED_BYTES) throw new Error("XLSX parts unpack to more than 1 GB");
      return true;
    },
  });
  const decoder = new TextDecoder("utf-8");
  return new Map(Object.entries(files).map(([name, data]) => [name, decoder.decode(data)]));
}

function findByType(relationships: Map<string, Relationship>, type: string): Relationship | undefined {
  for (const relationship of relationships.values())
    if (relationship.type.endsWith(`/${type}`)) return relationship;
  return undefined;
}

/** Reads every sheet of an XLSX (or XLSM) workbook in tab order. Throws on a damaged or non-OOXML zip. */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxSheet[]> {
  const parts = unzipXmlParts(bytes);
  const rootRels = readRelationships(parts.get("_rels/.rels") ?? "", "");
  const workbookPath = findByType(rootRels, "officeDocument")?.target ?? "xl/workbook.xml";
  const workbookXml = parts.get(workbookPath);
  if (workbookXml === undefined) throw new Error(`Not an XLSX workbook: ${workbookPath} is missing`);

  const workbookDirectory = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  const relsPath = `${workbookDirectory}_rels/${workbookPath.slice(workbookDirectory.length)}.rels`;
  const relationships = readRelationships(parts.get(relsPath) ?? "", workbookDirectory);
  const sharedStringsXml = parts.get(findByType(relationships, "sharedStrings")?.target ?? "") ?? "";
  const workbookPr = firstElement(workbookXml, "workbookPr")?.attributes.date1904;
  const context: WorkbookContext = {
    sharedStrings: Array.from(elements(sharedStringsXml, "si"), (item) => richText(item.body)),
    formats: readCellFormats(parts.get(findByType(relationships, "styles")?.target ?? "") ?? ""),
    date1904: workbookPr === "1" || workbookPr === "true",
  };

  return Array.from(elements(workbookXml, "sheet"), ({ attributes }) => {
    const relationId = Object.entries(attributes).find(([key]) => key.endsWith(":id"))?.[1] ?? "";
    const sheetXml = parts.get(relationships.get(relationId)?.target ?? "");
    // Chart sheets and missing parts still appear, empty, so the sheet list matches the tabs.
    return { name: attributes.name ?? "", table: sheetXml ? readSheetTable(sheetXml, context) : [] };
  });
}
