/**
 * Sends one chunk (≤ 100 subjects) to Humanos, retrying what is safe to retry, and always comes
 * back with one result per row. Resending is safe because Create User is an upsert keyed on the
 * contact, and the Idempotency-Key makes that explicit for dated API versions.
 */
import { randomUUID } from "node:crypto";
import {
  answeredRows,
  cancelledInFlightMessage,
  cancelledWhileWaitingMessage,
  exhaustedMessage,
  notSentRows,
  type RowRef,
  refusedMessage,
  rowRefOf,
  type SubjectRow,
} from "./chunk-outcomes";
import type { RowResult } from "./results";
import { backoffDelayMs, isRetryableStatus, parseRetryAfterMs } from "./retry-policy";
import { type Feedback, feedbackListSchema, requestErrorBodySchema } from "./schemas";
import { authHeaders } from "./signing";

export interface SendContext {
  url: string;
  apiKey: string;
  signingSecret: string;
  apiVersion?: string;
  timeoutMs: number;
  maxAttempts: number;
  fetchImpl: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  /** Aborts the request in flight and every later step (the operator left, the server stops). */
  signal?: AbortSignal;
  /**
   * Stops retrying without cutting the attempt in flight short: a cancelled run lets a request
   * that is on the wire finish and records its answer, but starts no new attempt.
   */
  stopRetrying?: AbortSignal;
}

export interface ChunkRequestOptions {
  /** Kept across retries and across resumes of a stored run; a fresh UUID when not given. */
  idempotencyKey?: string;
}

type AttemptOutcome =
  | { kind: "answered"; feedback: Feedback[] }
  | { kind: "refused"; status: number; detail: string }
  | { kind: "failed"; detail: string; retryAfterMs?: number }
  | { kind: "cancelled" };

/**
 * A chunk ready to send: the exact body to sign and send (never re-serialised, so a retry or a
 * resume under the same Idempotency-Key sends the same bytes) and the rows it carries, in order.
 */
export interface PreparedChunk {
  body: string;
  rows: readonly RowRef[];
}

export function prepareChunk(rows: readonly SubjectRow[]): PreparedChunk {
  return { body: JSON.stringify(rows.map((row) => row.subject)), rows: rows.map(rowRefOf) };
}

export async function sendChunk(
  { body, rows }: PreparedChunk,
  context: SendContext,
  options: ChunkRequestOptions = {},
): Promise<RowResult[]> {
  const idempotencyKey = options.idempotencyKey ?? randomUUID();
  let lastFailure = "";
  for (let attempt = 1; attempt <= context.maxAttempts; attempt++) {
    const outcome = await attemptOnce(body, idempotencyKey, rows.length, context);
    if (outcome.kind === "answered") return answeredRows(rows, outcome.feedback, attempt);
    if (outcome.kind === "refused") {
      return notSentRows(rows, "rejected", refusedMessage(outcome.status, outcome.detail), attempt);
    }
    if (outcome.kind === "cancelled") {
      return notSentRows(rows, "no-answer", cancelledInFlightMessage(attempt), attempt);
    }
    lastFailure = outcome.detail;
    if (attempt === context.maxAttempts) break;
    const delay = backoffDelayMs({ attempt, retryAfterMs: outcome.retryAfterMs, random: context.random });
    if (await sleepUnlessAborted(context.sleep, delay, anySignal(context.signal, context.stopRetrying))) {
      return notSentRows(rows, "no-answer", cancelledWhileWaitingMessage(attempt, lastFailure), attempt);
    }
  }
  return notSentRows(
    rows,
    "no-answer",
    exhaustedMessage(context.maxAttempts, lastFailure),
    context.maxAttempts,
  );
}

async function attemptOnce(
  body: string,
  idempotencyKey: string,
  expectedItems: number,
  context: SendContext,
): Promise<AttemptOutcome> {
  if (context.signal?.aborted) return { kind: "cancelled" };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, context.timeoutMs);
  const forwardAbort = () => controller.abort();
  context.signal?.addEventListener("abort", forwardAbort, { once: true });
  try {
    const response = await context.fetchImpl(context.url, {
      method: "POST",
      // A fresh timestamp per attempt: a retry after a long backoff must not look stale.
      headers: {
        ...authHeaders({
          apiKey: context.apiKey,
          signingSecret: context.signingSecret,
          apiVersion: context.apiVersion,
          body,
          now: context.now(),
        }),
        "Content-Type": "application/json",
        Accept: "application/json",
        "Idempotency-Key": idempotencyKey,
      },
      body,
      signal: controller.signal,
      // A redirected POST may turn into a GET elsewhere; surface it instead of following it.
      redirect: "manual",
    });
    // Still under the timer: a server that sends headers and then stalls is also no answer.
    const text = await response.text();
    return classifyResponse(response, text, expectedItems, context.now());
  } catch (error) {
    if (context.signal?.aborted) return { kind: "cancelled" };
    if (timedOut) return { kind: "failed", detail: `no answer within ${formatSeconds(context.timeoutMs)}` };
    return { kind: "failed", detail: `network error: ${describeNetworkError(error)}` };
  } finally {
    clearTimeout(timer);
    context.signal?.removeEventListener("abort", forwardAbort);
  }
}

function classifyResponse(
  response: Response,
  text: string,
  expectedItems: number,
  nowMs: number,
): AttemptOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) return readFeedback(text, expectedItems);
  if (isRetryableStatus(status)) {
    return {
      kind: "failed",
      detail: `HTTP ${status}`,
      retryAfterMs: parseRetryAfterMs(response.headers.get("retry-after"), nowMs),
    };
  }
  return { kind: "refused", status, detail: describeRefusal(status, response.statusText, text) };
}

/** A 200 we cannot map row by row is treated like no answer: the upsert makes a resend harmless. */
function readFeedback(text: string, expectedItems: number): AttemptOutcome {
  const parsed = feedbackListSchema.safeParse(parseJson(text));
  if (!parsed.success) return { kind: "failed", detail: "malformed answer: not a list of results" };
  if (parsed.data.length !== expectedItems) {
    return {
      kind: "failed",
      detail: `malformed answer: ${parsed.data.length} results for ${expectedItems} subjects`,
    };
  }
  return { kind: "answered", feedback: parsed.data };
}

/** "401 Unauthorized: Invalid signature", from the NestJS error body when there is one. */
function describeRefusal(status: number, statusText: string, text: string): string {
  const parsed = requestErrorBodySchema.safeParse(parseJson(text));
  const label = [String(status), (parsed.success ? parsed.data.error : undefined) || statusText]
    .filter(Boolean)
    .join(" ");
  const apiMessage = parsed.success ? [parsed.data.message].flat().join("; ") : plainTextSnippet(text);
  return apiMessage ? `${label}: ${apiMessage}` : label;
}

/** A short plain-text body is worth showing; an HTML error page is not. */
function plainTextSnippet(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.startsWith("<")) return "";
  return trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describeNetworkError(error: unknown): string {
  // Node's fetch reports every failure as "fetch failed"; the useful part (ECONNREFUSED…) is the cause.
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause && typeof cause === "object" && "code" in cause && typeof cause.code === "string")
    return cause.code;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function anySignal(...signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
}

/** Waits out a backoff, but returns true as soon as the caller cancels: a 60 s wait must not block. */
async function sleepUnlessAborted(
  sleep: (ms: number) => Promise<void>,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (!signal) {
    await sleep(ms);
    return false;
  }
  if (signal.aborted) return true;
  let stopListening = () => {};
  const aborted = new Promise<true>((resolve) => {
    const onAbort = () => resolve(true);
    signal.addEventListener("abort", onAbort, { once: true });
    stopListening = () => signal.removeEventListener("abort", onAbort);
  });
  try {
    return await Promise.race([sleep(ms).then(() => signal.aborted), aborted]);
  } finally {
    stopListening();
  }
}
