/**
 * When to retry a Humanos request and how long to wait. Pure, so the client's timing can be tested
 * without clocks.
 */

/** A Retry-After longer than this is not honoured in full: an operator is watching the screen. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Rate limiting and server faults are transient; every other 4xx will fail the same way again. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

const DELTA_SECONDS = /^-?\d+$/;
// All three HTTP-date forms (IMF-fixdate, RFC 850, asctime) open with a day name. Requiring it keeps
// Date.parse's leniency (it reads "2" or "12 abc" as dates) from turning garbage into a wait.
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s/;

/** Reads a Retry-After header (delta-seconds or HTTP-date) as milliseconds from `nowMs`. */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (DELTA_SECONDS.test(value)) return Math.max(0, Number(value) * 1000);
  if (!HTTP_DATE.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export interface BackoffInput {
  /** The 1-based number of the attempt that just failed. */
  attempt: number;
  retryAfterMs?: number;
  /** A value in [0, 1), like Math.random. */
  random: () => number;
  baseMs?: number;
  capMs?: number;
}

/**
 * Exponential backoff with full jitter, so that parallel chunks that failed together do not retry
 * in lockstep; but never sooner than the server asked for.
 */
export function backoffDelayMs({
  attempt,
  retryAfterMs,
  random,
  baseMs = 500,
  capMs = 15_000,
}: BackoffInput): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  const ceiling = Math.min(capMs, baseMs * 2 ** exponent);
  const jittered = Math.floor(random() * ceiling);
  if (retryAfterMs === undefined) return jittered;
  return Math.max(jittered, Math.min(Math.max(0, retryAfterMs), MAX_RETRY_AFTER_MS));
}

export interface ProcessPauseInput {
  nowMs: number;
  /** What the 429's Retry-After asked for, from `nowMs`. */
  retryAfterMs: number;
  /** The instant the process's current pause ends (in the past, or 0, when there is none). */
  pauseUntilMs: number;
}

/**
 * The instant before which no request of the process may start, once a 429 asked to wait
 * `retryAfterMs`: the rate limit is the organisation's, not the chunk's. A pause only grows (a short
 * Retry-After never cuts a longer one short) and is capped like a chunk's own wait.
 */
export function pauseUntilAfterRateLimit({ nowMs, retryAfterMs, pauseUntilMs }: ProcessPauseInput): number {
  return Math.max(pauseUntilMs, nowMs + Math.min(Math.max(0, retryAfterMs), MAX_RETRY_AFTER_MS));
}
