"use client";

import type { PastedTable, PasteTarget } from "@/lib/import/apply-paste";
import type { CellErrors, GridCells } from "@/lib/import/grid-fields";
import { joinPasteParts, type PastePart, type PasteSummary } from "@/lib/import/paste-into-blank-grid";
import {
  type ColumnProfile,
  type ImportOptions,
  importOptionsKey,
  type RowVerdict,
} from "@/lib/import/validate-grid";
import {
  decodePaste,
  decodeRowsInSlices,
  decodeVerdicts,
  type EncodedRows,
  encodeShares,
} from "@/lib/import/worker-transport";
import type { ValidationReply, ValidationRequest } from "./validation.worker";

/** A job that takes longer than this is abandoned; the caller then does the work on the main thread. */
const JOB_TIMEOUT_MS = 120_000;

type ReplyOf<T extends ValidationReply["type"]> = Extract<ValidationReply, { type: T }>;
type RequestBody = ValidationRequest extends infer R ? (R extends unknown ? Omit<R, "jobId"> : never) : never;

/** What the workers found for a whole set of rows: the column profile, the repeats and every verdict. */
export interface RowsValidation {
  profile: ColumnProfile;
  duplicates: Map<number, CellErrors>;
  verdicts: RowVerdict[];
}

/** Validation already under way for rows the grid is about to show (see pasteIntoBlankGrid). */
interface PendingValidation {
  rows: readonly GridCells[];
  optionsKey: string;
  result: Promise<RowsValidation>;
}

/** Rows decoded per main-thread task: about 20 ms of work, so input and frames are never held up for long. */
const DECODE_SLICE_ROWS = 8000;
/**
 * Lets the page take input and draw between two slices of a long job. setTimeout, not nextTask's
 * MessageChannel: with it, the page's longest task during a 100,000-row paste grew from 57–67 to
 * 118–123 ms (bench/paste, 3 runs each), for the same paste→ready.
 */
function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Rows encoded for the workers per main-thread task: ~13 ms of work (0.65 µs a row in chromium). */
const ENCODE_SLICE_ROWS = 20_000;

const BLANK_VERDICT: RowVerdict = { kind: "blank" };

/**
 * The verdicts of a paste's joined rows: the top part's, then the rest's, then blank for the blank
 * rows the grid kept below them (joinPasteParts only appends blank rows or drops trailing ones).
 */
function joinPartVerdicts(
  rowCount: number,
  top: readonly RowVerdict[],
  rest: readonly RowVerdict[],
): RowVerdict[] {
  const verdicts = new Array<RowVerdict>(rowCount);
  for (let index = 0; index < rowCount; index += 1) {
    verdicts[index] =
      index < top.length ? (top[index] as RowVerdict) : (rest[index - top.length] ?? BLANK_VERDICT);
  }
  return verdicts;
}

/** Grid workers, one per core (at most 2 on these machines), created on first use. */
export class ValidationPool {
  private workers: Worker[] = [];
  /** Stops each reply still awaited from the current workers (see reply and terminate). */
  private waitingReplies = new Set<(error: Error) => void>();
  private nextJobId = 0;
  private options: ImportOptions | null = null;
  private pending: PendingValidation | null = null;
  private nextPasteId = 0;
  private encodingsByRows = new WeakMap<readonly GridCells[], Promise<EncodedRows[][]>>();
  private warmUpOver = false;
  private warmUpListeners = new Set<() => void>();
  /** Every worker has paused its warm-up for a paste on its way (see holdWarmUp). */
  private warmUpHeld = false;

  private get pool(): Worker[] {
    if (this.workers.length === 0) {
      const size = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));
      this.workers = Array.from(
        { length: size },
        () => new Worker(new URL("./validation.worker.ts", import.meta.url), { type: "module" }),
      );
      const [first, second] = this.workers;
      if (first && second) {
        // The two read a big paste in two parts and swap what each part needs from the other.
        const channel = new MessageChannel();
        this.post(first, { type: "connect", port: channel.port1 }, [channel.port1]);
        this.post(second, { type: "connect", port: channel.port2 }, [channel.port2]);
      }
    }
    return this.workers;
  }

  /** Waits for the reply of type `type` to job `jobId` from `worker`. Listen before posting. */
  private reply<T extends ValidationReply["type"]>(
    worker: Worker,
    jobId: number,
    type: T,
  ): Promise<ReplyOf<T>> {
    return new Promise((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        this.waitingReplies.delete(stop);
        worker.removeEventListener("message", onMessage);
        worker.removeEventListener("error", onError);
        worker.removeEventListener("messageerror", onError);
      };
      const fail = (error: Error) => {
        settle();
        // A dead worker ignores later messages: drop the pool so the next job starts fresh ones. Only
        // this worker's own pool: a reply still waiting on a pool already dropped must not stop the next.
        if (this.workers.includes(worker)) this.terminate();
        reject(error);
      };
      const stop = (error: Error) => {
        settle();
        reject(error);
      };
      const onMessage = (event: MessageEvent<ValidationReply>) => {
        if (event.data.jobId !== jobId || event.data.type !== type) return;
        settle();
        resolve(event.data as ReplyOf<T>);
      };
      const onError = (event: Event) =>
        fail(new Error(event instanceof ErrorEvent && event.message ? event.message : "grid worker failed"));
      const timer = setTimeout(
        () => fail(new Error(`grid worker gave no answer in ${JOB_TIMEOUT_MS / 1000} s`)),
        JOB_TIMEOUT_MS,
      );
      this.waitingReplies.add(stop);
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      worker.addEventListener("messageerror", onError);
    });
  }

  private post(worker: Worker, request: RequestBody, transfer: Transferable[] = []): number {
    const jobId = ++this.nextJobId;
    worker.postMessage({ ...request, jobId }, transfer);
    return jobId;
  }

  private ask<T extends ValidationReply["type"] & RequestBody["type"]>(
    worker: Worker,
    request: RequestBody & { type: T },
  ): Promise<ReplyOf<T>> {
    const jobId = this.nextJobId + 1;
    const answer = this.reply(worker, jobId, request.type);
    this.post(worker, request);
    return answer;
  }

  /**
   * Starts the workers for the grid's current import options, and the first time warms them up (see
   * lib/import/warm-up), so the first big paste neither waits for workers to load nor runs cold code.
   */
  prepare(options: ImportOptions): void {
    const isFirst = this.workers.length === 0;
    this.options = options;
    if (!isFirst) return;
    const warmUps = this.pool.map((worker) => this.ask(worker, { type: "warm-up", options }));
    Promise.all(warmUps).then(
      () => {
        this.warmUpOver = true;
        for (const listener of this.warmUpListeners) listener();
      },
      () => {},
    );
  }

  /**
   * Pauses the warm-up at each worker's next slice while a paste is on its way: reading 100,000 rows
   * from the clipboard takes the browser 0.1–0.3 s, time in which a slice under way ends (a cold one
   * takes up to ~0.2 s), so the paste finds the workers idle rather than waiting for a slice, and the
   * first can hand the second its part (see pasteIntoBlankGrid). Returns what resumes the warm-up (a
   * paste the page handles itself, or none at all, must not leave the workers cold).
   */
  holdWarmUp(): () => void {
    const workers = this.workers;
    if (this.warmUpOver || workers.length === 0) return () => {};
    let held = 0;
    for (const worker of workers)
      this.ask(worker, { type: "hold-warm-up", held: true }).then(
        () => {
          held += 1;
          if (held === workers.length && this.workers === workers) this.warmUpHeld = true;
        },
        () => {},
      );
    return () => {
      this.warmUpHeld = false;
      if (this.workers === workers)
        for (const worker of workers) this.post(worker, { type: "hold-warm-up", held: false });
    };
  }

  /** True once every worker has finished its warm-up, or cut it short for a real job. */
  readonly isWarmUpOver = (): boolean => this.warmUpOver;

  /** For useSyncExternalStore: `listener` is called when the warm-up is over. */
  readonly subscribeToWarmUp = (listener: () => void): (() => void) => {
    this.warmUpListeners.add(listener);
    return () => this.warmUpListeners.delete(listener);
  };

  /** Parses and maps pasted text in a worker (`firstLineIsData`: see PasteTarget). */
  async readPaste(text: string, firstLineIsData = false): Promise<PastedTable> {
    const [first] = this.pool;
    const reply = await this.ask(first as Worker, { type: "paste", text, firstLineIsData });
    return decodePaste(reply.pasted);
  }

  /**
   * A paste into a grid whose `blankRowCount` rows are all blank: the workers read, place and check
   * a part of the text each (see PasteRole), under the options given to prepare(). Resolves with the
   * rows as soon as both parts are placed; their validation is handed to the grid's validation
   * through validationUnderWay().
   */
  async pasteIntoBlankGrid(
    text: string,
    target: PasteTarget,
    blankRowCount: number,
  ): Promise<{ rows: GridCells[]; summary: PasteSummary }> {
    const options = this.options;
    if (options === null) throw new Error("the validation pool was not prepared");
    const [first, second] = this.pool as [Worker, Worker?];
    const job = {
      type: "paste-validate",
      target,
      blankRowCount,
      options,
      pasteId: ++this.nextPasteId,
    } as const;
    const firstJob = this.nextJobId + 1;
    const parts = [this.reply(first, firstJob, "paste-part")];
    const checks = [this.reply(first, firstJob, "paste-verdicts")];
    // Once the workers are warm, or idle with their warm-up held, the text goes to the first only (one
    // copy on this thread), which cuts it and hands the second its part. During the warm-up each gets
    // the text and cuts it: the first may be in a warm-up slice, and the second would wait for it
    // (measured: later, not sooner).
    const handsOver = this.warmUpOver || this.warmUpHeld;
    this.post(first, { ...job, text, role: second ? "first" : "alone", handsOver });
    if (second) {
      parts.push(this.reply(second, firstJob + 1, "paste-part"));
      checks.push(this.reply(second, firstJob + 1, "paste-verdicts"));
      this.post(second, handsOver ? { ...job, role: "second" } : { ...job, role: "second", text });
    }
    // Awaited below, once the rows are in; a rejection is seen there.
    for (const check of checks) check.catch(() => {});
    for (const part of parts) part.catch(() => {}); // awaited in order below
    const decoded: PastePart[] = [];
    // The top part arrives first (it is the smaller): decode it while the other is still being read.
    for (const next of parts) {
      const reply = await next;
      if (!reply.part) continue;
      decoded.push({
        ...reply.part,
        rows: await decodeRowsInSlices(reply.part.rows, DECODE_SLICE_ROWS, breathe),
      });
    }
    const [top, rest] = decoded as [PastePart, PastePart?];
    const { rows, summary, profile } = joinPasteParts(top, rest ?? null, target, blankRowCount);
    const result = (async (): Promise<RowsValidation> => {
      const [mine, theirs] = await Promise.all(checks);
      const topVerdicts = decodeVerdicts((mine as ReplyOf<"paste-verdicts">).verdicts);
      const restVerdicts = theirs ? decodeVerdicts(theirs.verdicts) : [];
      return {
        profile,
        duplicates: new Map((mine as ReplyOf<"paste-verdicts">).duplicates),
        verdicts: joinPartVerdicts(rows.length, topVerdicts, restVerdicts),
      };
    })();
    this.pending = { rows, optionsKey: importOptionsKey(options), result };
    return { rows, summary };
  }

  /**
   * The validation pasteIntoBlankGrid started for exactly these rows under these options; anything
   * else (an edit since, other options) gets null and is validated afresh.
   */
  validationUnderWay(rows: readonly GridCells[], options: ImportOptions): Promise<RowsValidation> | null {
    const pending = this.pending;
    if (pending === null || pending.optionsKey !== importOptionsKey(options)) return null;
    if (pending.rows.length !== rows.length) return null;
    for (let index = 0; index < rows.length; index += 1) if (pending.rows[index] !== rows[index]) return null;
    return pending.result;
  }

  /** The column profile (date order, document lengths) and the repeated rows of all rows, in a worker. */
  async profile(
    rows: readonly GridCells[],
  ): Promise<{ profile: ColumnProfile; duplicates: Map<number, CellErrors> }> {
    const encoded = this.encodedShares(rows);
    const shares = Array.isArray(encoded) ? encoded : await encoded;
    const [first] = this.pool;
    const reply = await this.ask(first as Worker, { type: "profile", rows: shares.flat() });
    return { profile: reply.profile, duplicates: new Map(reply.duplicates) };
  }

  /** Verdicts for `rows`, in order, validated in parallel slices. */
  async validate(
    rows: readonly GridCells[],
    profile: ColumnProfile,
    options: ImportOptions,
  ): Promise<RowVerdict[]> {
    const encoded = this.encodedShares(rows);
    const shares = Array.isArray(encoded) ? encoded : await encoded;
    const workers = this.pool;
    const replies = await Promise.all(
      workers.map((worker, share) =>
        this.ask(worker, { type: "validate", rows: shares[share] ?? [], profile, options }),
      ),
    );
    return replies.flatMap((reply) => decodeVerdicts(reply.verdicts));
  }

  /**
   * `rows` encoded in one share per worker (encodeShares), once per rows array: profile and validate
   * of the same rows (a big change to the grid, a file loaded) share one encoding.
   */
  private encodedShares(rows: readonly GridCells[]): EncodedRows[][] | Promise<EncodedRows[][]> {
    const remembered = this.encodingsByRows.get(rows);
    if (remembered !== undefined) return remembered;
    const shares = encodeShares(rows, this.pool.length, ENCODE_SLICE_ROWS, breathe);
    if (!Array.isArray(shares)) this.encodingsByRows.set(rows, shares);
    return shares;
  }

  terminate(): void {
    // Replies the stopped workers will never send fail now, not after JOB_TIMEOUT_MS.
    for (const stop of [...this.waitingReplies]) stop(new Error("grid workers were stopped"));
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
    this.pending = null;
  }
}

let sharedPool: ValidationPool | undefined;

/** One pool per page: the grid's paste and its validation share the same workers. */
export function getValidationPool(): ValidationPool {
  sharedPool ??= new ValidationPool();
  return sharedPool;
}
