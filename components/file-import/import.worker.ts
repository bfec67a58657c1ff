/// <reference lib="webworker" />
// Reads an uploaded spreadsheet off the main thread and keeps it: the page gets a preview (each
// sheet's first rows and row count), and on Load the rows mapped for the grid, a part at a time, each
// as one string. A 50 MB file never freezes the tab, neither while it is read nor while it is mapped.
import {
  type FilePreview,
  type MappingChoice,
  mapSheetRowsInParts,
  previewOf,
} from "@/lib/import/file-preview";
import {
  ImportFileError,
  readSpreadsheetFile,
  type SpreadsheetSource,
} from "@/lib/import/read-spreadsheet-file";
import { type EncodedRows, encodeRows } from "@/lib/import/worker-transport";

export type ImportRequest =
  | { type: "read"; file: Blob; fileName: string }
  /** Maps the rows ahead of Load (the mapping first shown), to send them at once if Load keeps it. */
  | ({ type: "prepare" } & MappingChoice)
  | ({ type: "map" } & MappingChoice);

export type ImportReply =
  | { type: "read"; ok: true; preview: FilePreview }
  | { type: "read"; ok: false; message: string }
  /** One part of the mapped rows, in order; `last` on the last one. */
  | { type: "mapped"; rows: EncodedRows; last: boolean };

/**
 * Source rows mapped and sent per part (~60 ms of work here, ~30 ms of decoding on the page): the
 * page decodes one part while the worker maps the next.
 */
const PART_ROWS = 50_000;

/** The file read last: the worker belongs to one file (see read-file-in-worker.ts). */
let source: SpreadsheetSource | null = null;
/** The rows mapped ahead of Load, and the choice they were mapped under. */
let prepared: { choice: string; parts: ImportReply[] } | null = null;

function choiceKey({ sheetIndex, headerRow, mapping }: MappingChoice): string {
  return JSON.stringify([sheetIndex, headerRow, mapping]);
}

function* mappedParts(from: SpreadsheetSource, choice: MappingChoice): Generator<ImportReply> {
  const { sheetIndex, headerRow, mapping } = choice;
  for (const { rows, last } of mapSheetRowsInParts(from, sheetIndex, headerRow, mapping, PART_ROWS))
    yield { type: "mapped", rows: encodeRows(rows), last };
}

async function read(file: Blob, fileName: string): Promise<ImportReply> {
  try {
    source = await readSpreadsheetFile(new Uint8Array(await file.arrayBuffer()), fileName);
    return { type: "read", ok: true, preview: previewOf(source) };
  } catch (error) {
    return {
      type: "read",
      ok: false,
      message:
        error instanceof ImportFileError
          ? error.userMessage
          : `Could not read ${fileName}: the file looks damaged. Open it in your spreadsheet program and save it again as .xlsx or CSV.`,
    };
  }
}

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  if (request.type === "read") {
    self.postMessage(await read(request.file, request.fileName));
    return;
  }
  if (source === null) throw new Error("no file was read");
  if (request.type === "prepare") {
    prepared = { choice: choiceKey(request), parts: [...mappedParts(source, request)] };
    return;
  }
  const parts = prepared?.choice === choiceKey(request) ? prepared.parts : mappedParts(source, request);
  for (const part of parts) self.postMessage(part);
};
