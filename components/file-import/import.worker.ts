/// <reference lib="webworker" />
// Reads an uploaded spreadsheet off the main thread and keeps it: the page gets a preview (each
// sheet's first rows and row count), and on Load the rows mapped for the grid, a part at a time, each
// as one string. A 50 MB file never freezes the tab, neither while it is read nor while it is mapped.
import type { ColumnMapping } from "@/lib/import/column-mapping";
import { type FilePreview, mapSheetRowsInParts, previewOf } from "@/lib/import/file-preview";
import {
  ImportFileError,
  readSpreadsheetFile,
  type SpreadsheetSource,
} from "@/lib/import/read-spreadsheet-file";
import { type EncodedRows, encodeRows } from "@/lib/import/worker-transport";

export type ImportRequest =
  | { type: "read"; file: Blob; fileName: string }
  | { type: "map"; sheetIndex: number; headerRow: number; mapping: ColumnMapping };

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
  const { sheetIndex, headerRow, mapping } = request;
  for (const { rows, last } of mapSheetRowsInParts(source, sheetIndex, headerRow, mapping, PART_ROWS)) {
    const reply: ImportReply = { type: "mapped", rows: encodeRows(rows), last };
    self.postMessage(reply);
  }
};
