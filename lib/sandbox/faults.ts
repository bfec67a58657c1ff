/**
 * Fault injection for the sandbox, so tests and demos can watch the console cope with a bad day:
 * 5xx, 429, timeouts, malformed bodies and answers with the wrong number of items, plus latency.
 * Every decision is a pure function of (seed, request key, occurrence): a run can be replayed.
 */
import { createHash } from "node:crypto";

export const INJECTED_FAULTS = ["server-error", "rate-limit", "timeout", "malformed", "wrong-count"] as const;
export type InjectedFault = (typeof INJECTED_FAULTS)[number];
export type FaultKind = "none" | InjectedFault;

export interface FaultSpec {
  seed: number;
  /** Probability of each fault per request; they add up to at most 1. */
  rates: Record<InjectedFault, number>;
  /** Added to every authenticated request before anything else. */
  latencyMs: number;
  /** How long a "timeout" answer is held before it is sent. */
  hangMs: number;
  /** The Retry-After header of an injected 429, in seconds. */
  retryAfterSeconds: number;
}

export type ParsedFaultSpec = { ok: true; faults: FaultSpec } | { ok: false; message: string };

/** The spec's key for each rate, in the order decideFault walks them. */
const RATE_KEYS: Record<string, InjectedFault> = {
  "5xx": "server-error",
  "429": "rate-limit",
  timeout: "timeout",
  malformed: "malformed",
  "wrong-count": "wrong-count",
};

type WholeNumberKey = "seed" | "latency-ms" | "hang-ms" | "retry-after";
const WHOLE_NUMBER_KEYS: Record<
  WholeNumberKey,
  { field: "seed" | "latencyMs" | "hangMs" | "retryAfterSeconds"; unit: string }
> = {
  seed: { field: "seed", unit: "a whole number" },
  "latency-ms": { field: "latencyMs", unit: "a whole number of milliseconds" },
  "hang-ms": { field: "hangMs", unit: "a whole number of milliseconds" },
  "retry-after": { field: "retryAfterSeconds", unit: "a whole number of seconds" },
};

/** For the message that names an unknown key, in the order the documentation lists them. */
const KNOWN_KEYS = "seed, 5xx, 429, timeout, malformed, wrong-count, latency-ms, hang-ms, retry-after";

export const DEFAULT_FAULTS: FaultSpec = {
  seed: 1,
  rates: { "server-error": 0, "rate-limit": 0, timeout: 0, malformed: 0, "wrong-count": 0 },
  latencyMs: 0,
  hangMs: 35_000,
  retryAfterSeconds: 1,
};

/** Floating-point sums such as 0.7 + 0.2 + 0.1 may land a hair above 1. */
const RATE_SUM_TOLERANCE = 1e-9;

function isWholeNumberKey(key: string): key is WholeNumberKey {
  return Object.hasOwn(WHOLE_NUMBER_KEYS, key);
}

/**
 * Reads `seed=42,5xx=0.2,429=0.1,timeout=0.05,malformed=0.02,wrong-count=0.01,latency-ms=20,
 * hang-ms=35000,retry-after=1`. Every key is optional; a blank spec means no faults.
 */
export function parseFaultSpec(spec: string): ParsedFaultSpec {
  const faults: FaultSpec = { ...DEFAULT_FAULTS, rates: { ...DEFAULT_FAULTS.rates } };
  const seen = new Set<string>();
  const parts = spec
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");

  for (const part of parts) {
    const equals = part.indexOf("=");
    if (equals < 0) return { ok: false, message: `"${part}" is not key=value` };
    const key = part.slice(0, equals).trim().toLowerCase();
    const value = part.slice(equals + 1).trim();
    if (seen.has(key)) return { ok: false, message: `${key} is given more than once` };
    seen.add(key);

    const rateOf = RATE_KEYS[key];
    if (rateOf) {
      const rate = /^(\d+\.?\d*|\.\d+)$/.test(value) ? Number(value) : Number.NaN;
      if (!(rate >= 0 && rate <= 1)) {
        return { ok: false, message: `${key} must be a rate between 0 and 1, got "${value}"` };
      }
      faults.rates[rateOf] = rate;
    } else if (isWholeNumberKey(key)) {
      const { field, unit } = WHOLE_NUMBER_KEYS[key];
      const whole = /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(whole))
        return { ok: false, message: `${key} must be ${unit} ≥ 0, got "${value}"` };
      faults[field] = whole;
    } else {
      return { ok: false, message: `Unknown key "${key}" (known keys: ${KNOWN_KEYS})` };
    }
  }

  const total = Object.values(faults.rates).reduce((sum, rate) => sum + rate, 0);
  if (total > 1 + RATE_SUM_TOLERANCE) {
    return {
      ok: false,
      message: `The rates add up to ${Number(total.toFixed(6))}; together they must be at most 1`,
    };
  }
  return { ok: true, faults };
}

/** A uniform number in [0, 1) from the first 48 bits of the digest: plenty of resolution for a rate. */
function uniformDraw(seed: number, requestKey: string, occurrence: number): number {
  const digest = createHash("sha256").update(`${seed}:${requestKey}:${occurrence}`, "utf8").digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/**
 * Which fault, if any, this request gets. `requestKey` is the Idempotency-Key (or the body's sha256),
 * `occurrence` counts that key's arrivals from 1, so a retry draws again — reproducibly.
 */
export function decideFault(faults: FaultSpec, requestKey: string, occurrence: number): FaultKind {
  const draw = uniformDraw(faults.seed, requestKey, occurrence);
  let cumulative = 0;
  for (const kind of INJECTED_FAULTS) {
    cumulative += faults.rates[kind];
    if (draw < cumulative) return kind;
  }
  return "none";
}

export interface OccurrenceCounter {
  /** Records one more arrival of `requestKey` and returns how many there have been, from 1. */
  next(requestKey: string): number;
}

/** Past this many keys the oldest are forgotten: a long benchmark must not grow the map forever. */
const MAX_REMEMBERED_KEYS = 100_000;

export function createOccurrenceCounter(maxKeys = MAX_REMEMBERED_KEYS): OccurrenceCounter {
  const counts = new Map<string, number>();
  return {
    next(requestKey) {
      const count = (counts.get(requestKey) ?? 0) + 1;
      // Delete first so the key moves to the end of the insertion order (the newest).
      counts.delete(requestKey);
      counts.set(requestKey, count);
      if (counts.size > maxKeys) {
        const oldest = counts.keys().next();
        if (!oldest.done) counts.delete(oldest.value);
      }
      return count;
    },
  };
}

const GLOBAL_KEY = "__humanosSandboxOccurrences";
type CounterHolder = typeof globalThis & { [GLOBAL_KEY]?: OccurrenceCounter };

/** The process's counter; kept on globalThis because Next dev reloads re-evaluate modules. It need not survive restarts. */
export function sharedOccurrenceCounter(): OccurrenceCounter {
  const holder = globalThis as CounterHolder;
  holder[GLOBAL_KEY] ??= createOccurrenceCounter();
  return holder[GLOBAL_KEY];
}
