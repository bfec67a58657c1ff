"use client";

import type { FilePreview, MappingChoice } from "@/lib/import/file-preview";
import type { GridCells } from "@/lib/import/grid-fields";
import { nextTask } from "@/lib/import/next-task";
import { decodeRowsInSlices } from "@/lib/import/worker-transport";
import type { ImportReply, ImportRequest } from "./import.worker";

/**
 * Rows decoded per main-thread task (a few ms of work). Slices of 8,000 yielding through setTimeout
 * brought 607,008 rows to the grid 0.8 s after Load, with ~0.1 s of decoding in it (bench/file-import.mjs
 * and a CPU profile); these, 0.48 s.
 */
const DECODE_SLICE_ROWS = 25_000;

/** A file read in its own worker, which keeps the whole table until close(). */
export interface OpenedFile {
  preview: FilePreview;
  /** Has the worker map the rows under `choice` now, ahead of a Load that keeps it. */
  prepare: (choice: MappingChoice) => void;
  /** The grid rows of the chosen sheet under the chosen mapping (mapped in the worker). */
  mapRows: (choice: MappingChoice) => Promise<GridCells[]>;
  close: () => void;
}

function failureMessage(fileName: string): string {
  return `The browser could not read ${fileName}: it may have run out of memory. Try again, or split the file into smaller ones.`;
}

/**
 * The worker's replies in order: next() gives the oldest not yet taken, or waits for one. A worker
 * that fails rejects every wait with `message`. (Parts of the mapped rows arrive while the page is
 * still decoding the one before: none may be lost.)
 */
function replyQueue(worker: Worker, message: string): { next: () => Promise<ImportReply> } {
  const replies: ImportReply[] = [];
  const waiting: Array<{ resolve: (reply: ImportReply) => void; reject: (error: Error) => void }> = [];
  let failed = false;
  worker.onmessage = (event: MessageEvent<ImportReply>) => {
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(event.data);
    else replies.push(event.data);
  };
  worker.onerror = worker.onmessageerror = () => {
    failed = true;
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(message));
  };
  return {
    next: () => {
      const reply = replies.shift();
      if (reply) return Promise.resolve(reply);
      if (failed) return Promise.reject(new Error(message));
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
  };
}

/**
 * Reads `file` in a dedicated worker (the File itself is handed over; its bytes are never copied on
 * the page). Resolves with the preview and a handle for the mapped rows, or with the message to show.
 */
export async function openFileInWorker(
  file: File,
): Promise<{ ok: true; file: OpenedFile } | { ok: false; message: string }> {
  const worker = new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module" });
  const message = failureMessage(file.name);
  const replies = replyQueue(worker, message);
  let reply: ImportReply;
  try {
    const request: ImportRequest = { type: "read", file, fileName: file.name };
    worker.postMessage(request);
    reply = await replies.next();
  } catch {
    worker.terminate();
    return { ok: false, message };
  }
  if (reply.type !== "read" || !reply.ok) {
    worker.terminate();
    return { ok: false, message: reply.type === "read" && !reply.ok ? reply.message : message };
  }
  // One mapping at a time: the replies of two would interleave.
  let queue: Promise<unknown> = Promise.resolve();
  const mapRows = (choice: MappingChoice): Promise<GridCells[]> => {
    const mapped = queue.then(async () => {
      const request: ImportRequest = { type: "map", ...choice };
      worker.postMessage(request);
      const rows: GridCells[] = [];
      for (;;) {
        const part = await replies.next();
        if (part.type !== "mapped") throw new Error(message);
        // Decoded while the worker maps the next part.
        for (const row of await decodeRowsInSlices(part.rows, DECODE_SLICE_ROWS, nextTask)) rows.push(row);
        if (part.last) return rows;
        await nextTask();
      }
    });
    queue = mapped.catch(() => {});
    return mapped;
  };
  const prepare = (choice: MappingChoice) => {
    const request: ImportRequest = { type: "prepare", ...choice };
    worker.postMessage(request);
  };
  return { ok: true, file: { preview: reply.preview, prepare, mapRows, close: () => worker.terminate() } };
}
