/// <reference lib="webworker" />
// Decodes and parses an uploaded spreadsheet off the main thread: a 50 MB file never freezes the tab.
import {
  ImportFileError,
  readSpreadsheetFile,
  type SpreadsheetSource,
} from "@/lib/import/read-spreadsheet-file";

export interface ImportRequest {
  bytes: ArrayBuffer;
  fileName: string;
}
export type ImportReply = { ok: true; source: SpreadsheetSource } | { ok: false; message: string };

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  let reply: ImportReply;
  try {
    reply = {
      ok: true,
      source: await readSpreadsheetFile(new Uint8Array(event.data.bytes), event.data.fileName),
    };
  } catch (error) {
    reply = {
      ok: false,
      message:
        error instanceof ImportFileError
          ? error.userMessage
          : `Could not read ${event.data.fileName}: the file looks damaged. Open it in your spreadsheet program and save it again as .xlsx or CSV.`,
    };
  }
  self.postMessage(reply);
};
