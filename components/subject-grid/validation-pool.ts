"use client";

import type { PastedTable } from "@/lib/import/apply-paste";
import type { CellErrors, GridCells } from "@/lib/import/grid-fields";
import type { ColumnProfile, ImportOptions, RowVerdict } from "@/lib/import/validate-grid";
import { decodePaste, decodeVerdicts, encodeRows } from "@/lib/import/worker-transport";
import type { ValidationReply, ValidationRequest } from "./validation.worker";

/** A job that takes longer than this is abandoned; the caller then does the work on the main thread. */
const JOB_TIMEOUT_MS = 120_000;

/** Grid workers, one per core (at most 2 on these machines), created on first use. */
export class ValidationPool {
  private workers: Worker[] = [];
  private nextJobId = 0;

  private get pool(): Worker[] {
    if (this.workers.length === 0) {
      const size = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));
      this.workers = Array.from(
        { length: size },
        () => new Worker(new URL("./validation.worker.ts", import.meta.url), { type: "module" }),
      );
    }
    return this.workers;
  }

  private ask<T extends ValidationReply["type"]>(
    worker: Worker,
    request: Omit<Extract<ValidationRequest, { type: T }>, "jobId">,
  ): Promise<Extract<ValidationReply, { type: T }>> {
    const jobId = ++this.nextJobId;
    return new Promise((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        worker.removeEventListener("message", onMessage);
        worker.removeEventListener("error", onError);
        worker.removeEventListener("messageerror", onError);
      };
      const onMessage = (event: MessageEvent<ValidationReply>) => {
        if (event.data.jobId !== jobId) return;
        settle();
        resolve(event.data as Extract<ValidationReply, { type: T }>);
      };
      const onError = (event: Event) => {
        settle();
        // A dead worker ignores later messages: drop the pool so the next job starts fresh ones.
        this.terminate();
        reject(
          new Error(event instanceof ErrorEvent && event.message ? event.message : "grid worker failed"),
        );
      };
      const timer = setTimeout(() => {
        settle();
        this.terminate();
        reject(new Error(`grid worker gave no answer in ${JOB_TIMEOUT_MS / 1000} s`));
      }, JOB_TIMEOUT_MS);
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      worker.addEventListener("messageerror", onError);
      worker.postMessage({ ...request, jobId });
    });
  }

  /** Parses and maps pasted text in a worker. */
  async readPaste(text: string): Promise<PastedTable> {
    const [first] = this.pool;
    const reply = await this.ask<"paste">(first as Worker, { type: "paste", text });
    return decodePaste(reply.pasted);
  }

  /** The column profile (date order, document lengths) and the repeated rows of all rows, in a worker. */
  async profile(
    rows: readonly GridCells[],
  ): Promise<{ profile: ColumnProfile; duplicates: Map<number, CellErrors> }> {
    const [first] = this.pool;
    const reply = await this.ask<"profile">(first as Worker, { type: "profile", rows: encodeRows(rows) });
    return { profile: reply.profile, duplicates: new Map(reply.duplicates) };
  }

  /** Verdicts for `rows`, in order, validated in parallel slices. */
  async validate(
    rows: readonly GridCells[],
    profile: ColumnProfile,
    options: ImportOptions,
  ): Promise<RowVerdict[]> {
    const workers = this.pool;
    const sliceSize = Math.ceil(rows.length / workers.length);
    const replies = await Promise.all(
      workers.map((worker, slice) =>
        this.ask<"validate">(worker, {
          type: "validate",
          rows: encodeRows(rows.slice(slice * sliceSize, (slice + 1) * sliceSize)),
          profile,
          options,
        }),
      ),
    );
    return replies.flatMap((reply) => decodeVerdicts(reply.verdicts));
  }

  terminate(): void {
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
  }
}

let sharedPool: ValidationPool | undefined;

/** One pool per page: the grid's paste and its validation share the same workers. */
export function getValidationPool(): ValidationPool {
  sharedPool ??= new ValidationPool();
  return sharedPool;
}
