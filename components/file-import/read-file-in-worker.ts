"use client";

import type { ImportReply, ImportRequest } from "./import.worker";

/** Reads a File in a dedicated worker (the bytes are transferred, not copied). */
export async function readFileInWorker(file: File): Promise<ImportReply> {
  const bytes = await file.arrayBuffer();
  const worker = new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module" });
  try {
    return await new Promise<ImportReply>((resolve) => {
      worker.onmessage = (event: MessageEvent<ImportReply>) => resolve(event.data);
      worker.onerror = () =>
        resolve({
          ok: false,
          message: `The browser could not read ${file.name}. Try again, or save it as CSV.`,
        });
      const request: ImportRequest = { bytes, fileName: file.name };
      worker.postMessage(request, [bytes]);
    });
  } finally {
    worker.terminate();
  }
}
