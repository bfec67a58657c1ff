/**
 * The Humanos client: the only code that sends subjects over the wire. It splits rows into chunks
 * the API accepts, sends a few at a time, and always returns exactly one result per row, so the
 * operator never loses track of a row, whatever the API or the network does.
 */

import { cancelledRows, crashedMessage, notSentRows, type SubjectRow } from "./chunk-outcomes";
import { chunkRows } from "./chunking";
import { nodeHttpFetch } from "./node-http-fetch";
import type { RowResult } from "./results";
import { prepareChunk, type SendContext, sendChunk } from "./send-chunk";

export type { SubjectRow } from "./chunk-outcomes";

export interface HumanosClientConfig {
  /** e.g. https://api.humanos.id; the client appends `userPath`. */
  baseUrl: string;
  /** Path of Create User: /v1/user in the v1 era; dated API versions drop the /v1 prefix. */
  userPath?: string;
  apiKey: string;
  signingSecret: string;
  /** Sent as API-Version when set; otherwise the organisation's pinned version applies. */
  apiVersion?: string;
  /** Per attempt, including reading the answer. */
  timeoutMs?: number;
  maxAttempts?: number;
  /** How many chunks may be in flight at once. */
  concurrency?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export interface CreateSubjectsOptions {
  /** Cancels chunks not yet started; a chunk in flight records how far it got. */
  signal?: AbortSignal;
  /** Called with each chunk's results as soon as it settles, for progress display. */
  onChunkSettled?: (results: RowResult[]) => void;
}

export interface HumanosClient {
  /** Results in the same order as `rows`; never throws for API or network trouble. */
  createSubjects(rows: ReadonlyArray<SubjectRow>, options?: CreateSubjectsOptions): Promise<RowResult[]>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_CONCURRENCY = 2;

export const DEFAULT_USER_PATH = "/v1/user";

/** Everything one chunk's request needs, from the client's configuration (validated). */
export function createSendContext(config: HumanosClientConfig): SendContext {
  return {
    url: `${config.baseUrl.replace(/\/+$/, "")}${config.userPath ?? DEFAULT_USER_PATH}`,
    apiKey: config.apiKey,
    signingSecret: config.signingSecret,
    apiVersion: config.apiVersion,
    timeoutMs: positiveInteger("timeoutMs", config.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    maxAttempts: positiveInteger("maxAttempts", config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
    // node:http, not the global fetch: far less CPU on the thread that also serves the console.
    fetchImpl: config.fetchImpl ?? nodeHttpFetch,
    sleep: config.sleep ?? defaultSleep,
    random: config.random ?? Math.random,
    now: config.now ?? Date.now,
  };
}

export function createHumanosClient(config: HumanosClientConfig): HumanosClient {
  const context = createSendContext(config);
  const concurrency = positiveInteger("concurrency", config.concurrency ?? DEFAULT_CONCURRENCY);

  return {
    async createSubjects(rows, options = {}) {
      const chunks = chunkRows(rows);
      const settled: RowResult[][] = chunks.map(() => []);
      let nextChunk = 0;

      const worker = async () => {
        while (nextChunk < chunks.length) {
          const index = nextChunk++;
          const chunk = chunks[index];
          if (!chunk) return;
          const results = await settleChunk(chunk.items, { ...context, signal: options.signal });
          settled[index] = results;
          reportProgress(options.onChunkSettled, results);
        }
      };

      await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
      return settled.flat();
    },
  };
}

async function settleChunk(rows: SubjectRow[], context: SendContext): Promise<RowResult[]> {
  const chunk = prepareChunk(rows);
  if (context.signal?.aborted) return cancelledRows(chunk.rows);
  try {
    return await sendChunk(chunk, context);
  } catch (error) {
    // sendChunk handles every API and network failure itself; this only catches our own bugs
    // (or a throwing injected sleep), so that even then no row goes missing.
    return notSentRows(chunk.rows, "no-answer", crashedMessage(error), 0);
  }
}

function reportProgress(callback: CreateSubjectsOptions["onChunkSettled"], results: RowResult[]): void {
  if (!callback) return;
  try {
    callback(results);
  } catch {
    // Progress display is best effort: a faulty listener must not lose the rows still to send.
  }
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
