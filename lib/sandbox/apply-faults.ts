/**
 * POST /v1/user with fault injection around it. The spec comes from the X-Sandbox-Faults header, or
 * else from SANDBOX_FAULTS. Faults act only after authentication, so a fault never hides a 401;
 * 503 and 429 answer without touching the state, while a timeout, a malformed body or a wrong count
 * is applied to an answer that was processed and committed — exactly what a client must survive.
 */
import {
  decideFault,
  type FaultKind,
  type FaultSpec,
  type OccurrenceCounter,
  parseFaultSpec,
  sharedOccurrenceCounter,
} from "./faults";
import {
  authFailure,
  type CreateUsersRequest,
  handleCreateUsers,
  idempotencyKeyOf,
  nestError,
  type SandboxResponse,
  sha256Hex,
} from "./handle-request";

export const FAULTS_HEADER = "X-Sandbox-Faults";
/** Names the injected fault on the answer, so a test or a demo can tell an injected failure from a real one. */
export const FAULT_KIND_HEADER = "X-Sandbox-Fault";

export interface CreateUsersWithFaultsRequest extends CreateUsersRequest {
  /** SANDBOX_FAULTS (unparsed): used when the request has no X-Sandbox-Faults header. */
  configuredFaults?: string;
  /** The request's abort signal: a closed connection ends any wait at once. */
  signal?: AbortSignal;
  /** Defaults to the process's counter; tests pass their own. */
  occurrences?: OccurrenceCounter;
}

/** Waits `ms` without blocking anything else; resolves early, never rejects, when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** The faults that apply to this request: none when no spec is given at all. */
export function faultsFor(
  headers: Headers,
  configuredFaults: string | undefined,
): { ok: true; faults?: FaultSpec } | { ok: false; response: SandboxResponse } {
  const fromHeader = headers.get(FAULTS_HEADER);
  const spec = fromHeader ?? configuredFaults;
  if (spec === undefined) return { ok: true };
  const parsed = parseFaultSpec(spec);
  if (parsed.ok) return { ok: true, faults: parsed.faults };
  const source = fromHeader === null ? "SANDBOX_FAULTS" : `${FAULTS_HEADER} header`;
  return { ok: false, response: nestError(400, `Invalid ${source}: ${parsed.message}`) };
}

/** What identifies "the same request" across retries: its Idempotency-Key, else its body. */
export function faultRequestKey(headers: Headers, rawBody: string): string {
  const idempotency = idempotencyKeyOf(headers);
  return "key" in idempotency && idempotency.key !== undefined ? idempotency.key : sha256Hex(rawBody);
}

function marked(response: SandboxResponse, kind: FaultKind): SandboxResponse {
  return { ...response, headers: { ...response.headers, [FAULT_KIND_HEADER]: kind } };
}

/** Cut in half: a proper prefix of a JSON array never parses. */
export function truncatedBody(body: string): string {
  return body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}

/** One item short, or one too many when there is only one (a copy of it). */
export function miscountedBody(body: string): string | undefined {
  const items: unknown = JSON.parse(body);
  if (!Array.isArray(items) || items.length === 0) return undefined;
  return JSON.stringify(items.length > 1 ? items.slice(0, -1) : [...items, items[0]]);
}

/** Spoils a processed answer. Only a 200 list is spoilt: an error answer is passed through as it is. */
async function spoilAnswer(
  kind: "timeout" | "malformed" | "wrong-count",
  response: SandboxResponse,
  faults: FaultSpec,
  signal: AbortSignal | undefined,
): Promise<SandboxResponse> {
  if (kind === "timeout") {
    await pause(faults.hangMs, signal);
    return marked(response, kind);
  }
  if (response.status !== 200) return response;
  const body = kind === "malformed" ? truncatedBody(response.body) : miscountedBody(response.body);
  return body === undefined ? response : marked({ ...response, body }, kind);
}

export async function handleCreateUsersWithFaults(
  request: CreateUsersWithFaultsRequest,
): Promise<SandboxResponse> {
  const { headers, rawBody, credentials, now, signal } = request;
  const unauthorized = authFailure(headers, rawBody, credentials, now);
  if (unauthorized) return nestError(401, unauthorized);

  const spec = faultsFor(headers, request.configuredFaults);
  if (!spec.ok) return spec.response;
  const { faults } = spec;
  if (!faults) return handleCreateUsers(request);

  await pause(faults.latencyMs, signal);
  const requestKey = faultRequestKey(headers, rawBody);
  const occurrence = (request.occurrences ?? sharedOccurrenceCounter()).next(requestKey);
  const kind = decideFault(faults, requestKey, occurrence);
  switch (kind) {
    case "none":
      return handleCreateUsers(request);
    case "server-error":
      return marked(nestError(503, "Injected fault: service unavailable"), kind);
    case "rate-limit": {
      const limited = nestError(429, "Injected fault: too many requests");
      return marked({ ...limited, headers: { "Retry-After": String(faults.retryAfterSeconds) } }, kind);
    }
    default:
      return spoilAnswer(kind, await handleCreateUsers(request), faults, signal);
  }
}
