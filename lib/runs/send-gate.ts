/**
 * What every run a console process sends shares: the permits to have a request in flight
 * (HUMANOS_CONCURRENCY for the whole process, however many runs are sending) and the pause a 429's
 * Retry-After asks of the whole process, not only of the chunk that met it. Each instance behind a
 * load balancer has its own gate.
 */

import { parseRetryAfterMs, pauseUntilAfterRateLimit } from "@/lib/humanos/retry-policy";
import type { SendContext } from "@/lib/humanos/send-chunk";
import { createSendPermits, type ReleasePermit, type SendPermits } from "./send-permits";

export interface SendGate {
  permits: SendPermits;
  /** No request of this process starts before this instant (ms since epoch); 0 for no pause. */
  pauseUntil: number;
}

const GLOBAL_KEY = "__humanosSendGate";
type Holder = typeof globalThis & { [GLOBAL_KEY]?: SendGate };

/** This process's gate (on globalThis, so Next's separately bundled routes share it), at `concurrency`. */
export function processSendGate(concurrency: number): SendGate {
  const holder = globalThis as Holder;
  holder[GLOBAL_KEY] ??= { permits: createSendPermits(concurrency), pauseUntil: 0 };
  holder[GLOBAL_KEY].permits.setCapacity(concurrency);
  return holder[GLOBAL_KEY];
}

type GatedContext = Pick<SendContext, "fetchImpl" | "sleep" | "now">;

/**
 * One run's send context through the gate: a 429 with Retry-After pauses the whole process, and a
 * retry waits out that pause after its own backoff (sendChunk's backoff still honours Retry-After
 * for the chunk itself). A cancel cuts the wait short.
 */
export function throughGate<T extends GatedContext>(send: T, gate: SendGate, stop: AbortSignal): T {
  return {
    ...send,
    fetchImpl: async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
      const response = await send.fetchImpl(input, init);
      if (response.status === 429) {
        const nowMs = send.now();
        const retryAfterMs = parseRetryAfterMs(response.headers.get("retry-after"), nowMs);
        if (retryAfterMs !== undefined)
          gate.pauseUntil = pauseUntilAfterRateLimit({ nowMs, retryAfterMs, pauseUntilMs: gate.pauseUntil });
      }
      return response;
    },
    sleep: async (ms: number) => {
      await send.sleep(ms);
      await waitOutPause(gate, send.now, stop);
    },
  };
}

/**
 * Takes one of the process's permits for `runId`, then waits out any pause. Undefined, holding
 * nothing, when the run is cancelled first.
 */
export async function takeTurnToSend(
  gate: SendGate,
  runId: string,
  now: () => number,
  stop: AbortSignal,
): Promise<ReleasePermit | undefined> {
  const release = await gate.permits.acquire(runId, stop);
  if (!release) return undefined;
  await waitOutPause(gate, now, stop);
  if (!stop.aborted) return release;
  release();
  return undefined;
}

/** Waits until the pause ends, a pause extended meanwhile included; returns early on `stop`. */
async function waitOutPause(gate: SendGate, now: () => number, stop: AbortSignal): Promise<void> {
  let until = gate.pauseUntil;
  while (until > now() && !stop.aborted) {
    await delayUnlessAborted(until - now(), stop);
    // Waiting again only when another 429 moved the end: a clock that stands still cannot spin.
    if (gate.pauseUntil === until) return;
    until = gate.pauseUntil;
  }
}

function delayUnlessAborted(ms: number, stop: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    stop.addEventListener("abort", done, { once: true });
  });
}
