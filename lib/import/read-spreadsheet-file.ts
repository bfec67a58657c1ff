/**
 * Turns an uploaded file's bytes into tables of strings, whatever the spreadsheet program wrote:
 * delimited text in any of the usual encodings, or an XLSX workbook. Pure and Web Worker safe; every
 * failure is an ImportFileError whose userMessage tells the operator what to do next.
 */
import { decodeText, type TextEncodingName } from "./decode-text";
import { type Delimiter, detectDelimiter } from "./detect-delimiter";
import { parseDelimitedText } from "./parse-delimited";
import { readXlsx } from "./read-xlsx";

export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

export interface SpreadsheetSheet {
  name: string;
  table: string[][];
}

export type SpreadsheetSource =
  | { kind: "delimited"; encoding: TextEncodingName; delimiter: Delimiter; sheets: [SpreadsheetSheet] }
  | { kind: "workbook"; sheets: SpreadsheetSheet[] };

export type ImportFileErrorCode = "too_large" | "unsupported_type" | "empty" | "corrupt";

export class ImportFileError extends Error {
  override readonly name = "ImportFileError";

  constructor(
    readonly code: ImportFileErrorCode,
    /** A sentence for the operator: what is wrong and what to do about it. */
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${userMessage}`, options);
  }
}

export interface ReadSpreadsheetOptions {
  /** Defaults to MAX_IMPORT_FILE_BYTES; tests pass a small limit instead of allocating 50 MB. */
  maxBytes?: number;
}

const DELIMITED_EXTENSIONS = new Set(["csv", "tsv", "txt"]);
const WORKBOOK_EXTENSIONS = new Set(["xlsx", "xlsm"]);
const UNSUPPORTED_KINDS: Readonly<Record<string, string>> = {
  xls: "an Excel 97–2003 workbook (.xls)",
  xlsb: "an Excel binary workbook (.xlsb)",
  ods: "an OpenDocument spreadsheet (.ods)",
  numbers: "an Apple Numbers file (.numbers)",
};

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
// Compound File Binary: old .xls, and also XLSX files saved with a password (encrypted).
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function hasSignature(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

function baseNameOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot <= 0 ? fileName : fileName.slice(0, dot);
}

/** Sizes as people read them in a file manager: "73 MB", "1.5 MB", "12 KB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes >= 10 ? Math.round(megabytes) : Math.round(megabytes * 10) / 10} MB`;
}

/**
 * Throws too_large when a file exceeds the limit. Exported so the UI can check File.size before
 * reading the bytes of a huge file into memory at all.
 */
export function assertImportFileSize(fileName: string, size: number, maxBytes = MAX_IMPORT_FILE_BYTES): void {
  if (size <= maxBytes) return;
  throw new ImportFileError("too_large", fileTooLargeMessage(fileName, size, maxBytes));
}

/** What the operator reads about a file over the limit; a size that rounds to the limit is "just over" it. */
export function fileTooLargeMessage(
  fileName: string,
  size: number,
  maxBytes = MAX_IMPORT_FILE_BYTES,
): string {
  const limit = formatFileSize(maxBytes);
  const shown = formatFileSize(size);
  return (
    `"${fileName}" is ${shown === limit ? `just over ${limit}` : shown}; the limit is ${limit}. ` +
    "Split it into smaller files and import them one after another."
  );
}

function unsupported(fileName: string, kind: string): ImportFileError {
  return new ImportFileError(
    "unsupported_type",
    `"${fileName}" is ${kind}, which can't be imported. Save it as .xlsx or CSV and import that file.`,
  );
}

function emptyFile(fileName: string): ImportFileError {
  return new ImportFileError(
    "empty",
    `"${fileName}" has no data. Check that you exported the sheet with the people in it, and try again.`,
  );
}

async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<SpreadsheetSource> {
  let sheets: SpreadsheetSheet[];
  try {
    sheets = await readXlsx(bytes);
  } catch (cause) {
    throw new ImportFileError(
      "corrupt",
      `"${fileName}" could not be read as an Excel workbook; it may be damaged or only partly downloaded. ` +
        "Open it in Excel or LibreOffice, save it again as .xlsx (or CSV), and import that file.",
      { cause },
    );
  }
  if (sheets.every((sheet) => sheet.table.length === 0)) throw emptyFile(fileName);
  return { kind: "workbook", sheets };
}

function readDelimited(bytes: Uint8Array, fileName: string): SpreadsheetSource {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === "") throw emptyFile(fileName);
  const delimiter = detectDelimiter(text);
  const table = parseDelimitedText(text, delimiter);
  if (table.length === 0) throw emptyFile(fileName);
  return { kind: "delimited", encoding, delimiter, sheets: [{ name: baseNameOf(fileName), table }] };
}

/**
 * Reads an uploaded spreadsheet. The content decides before the extension where it can: a ZIP is
 * read as XLSX (so "export.csv" that is really a workbook still works), and an old binary workbook
 * is refused whatever its name. Otherwise .csv/.tsv/.txt are delimited text and .xlsx/.xlsm a
 * workbook; anything else is refused with advice.
 */
export async function readSpreadsheetFile(
  bytes: Uint8Array,
  fileName: string,
  options: ReadSpreadsheetOptions = {},
): Promise<SpreadsheetSource> {
  assertImportFileSize(fileName, bytes.length, options.maxBytes);
  if (bytes.length === 0) throw emptyFile(fileName);

  const extension = extensionOf(fileName);
  const unsupportedKind = UNSUPPORTED_KINDS[extension];
  // .ods and .numbers are ZIPs too, but not OOXML: refuse them before the ZIP sniff.
  if (unsupportedKind && extension !== "xls") throw unsupported(fileName, unsupportedKind);
  if (hasSignature(bytes, ZIP_SIGNATURE)) return readWorkbook(bytes, fileName);
  if (hasSignature(bytes, CFB_SIGNATURE)) {
    const encrypted = WORKBOOK_EXTENSIONS.has(extension);
    throw unsupported(
      fileName,
      encrypted ? "a password-protected workbook" : "an Excel 97–2003 workbook (.xls)",
    );
  }
  if (unsupportedKind) throw unsupported(fileName, unsupportedKind);
  if (WORKBOOK_EXTENSIONS.has(extension)) return readWorkbook(bytes, fileName);
  if (DELIMITED_EXTENSIONS.has(extension)) return readDelimited(bytes, fileName);
  throw unsupported(fileName, extension ? `a .${extension} file` : "a file without an extension");
}
