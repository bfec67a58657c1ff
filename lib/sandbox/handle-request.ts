/**
 * HTTP handling of the sandbox, free of any framework so it can be tested with plain Headers/URL:
 * authentication first, then the Idempotency-Key, then whole-request checks, then the per-subject rules.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { type RequestErrorBody, subjectBatchSchema } from "@/lib/humanos/schemas";
import { isValidSignature } from "@/lib/humanos/signing";
import { createUsersInCall, type JudgedCall, judgeCall } from "./create-users";
import type { SandboxCall, SandboxStore, SandboxUser } from "./sandbox-store";

/** Clock skew the sandbox tolerates between X-Timestamp and its own clock (the contract's inference). */
export const MAX_TIMESTAMP_SKEW_MS = 5 * 60 * 1000;

/** Long enough for any UUID or ULID a client may use, short enough not to be a storage hazard. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export interface SandboxCredentials {
  apiKey: string;
  signingSecret: string;
}

export interface SandboxResponse {
  status: number;
  /** The exact JSON text to send: a replay must repeat it byte for byte, so it is never re-serialised. */
  body: string;
  headers?: Record<string, string>;
}

interface SandboxRequestContext {
  headers: Headers;
  store: SandboxStore;
  credentials: SandboxCredentials;
  /** Milliseconds since epoch; injected so tests can pin the clock. */
  now: number;
}

export interface CreateUsersRequest extends SandboxRequestContext {
  rawBody: string;
}

export interface LookupRequest extends SandboxRequestContext {
  url: URL;
}

export type ErrorStatus = 400 | 401 | 404 | 422 | 429 | 503;
const ERROR_NAMES: Record<ErrorStatus, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

/** A whole-request error in the NestJS shape Humanos answers with. */
export function nestError(statusCode: ErrorStatus, message: string): SandboxResponse {
  const body: RequestErrorBody = { statusCode, message, error: ERROR_NAMES[statusCode] };
  return { status: statusCode, body: JSON.stringify(body) };
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Hashing first gives equal lengths, so the comparison takes the same time whatever the key sent. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The reason a request is not authenticated, or undefined when it is. `body` undefined = no body. */
export function authFailure(
  headers: Headers,
  body: string | undefined,
  credentials: SandboxCredentials,
  now: number,
): string | undefined {
  const authorization = headers.get("authorization");
  if (!authorization) return "Missing Authorization header (expected Bearer <API key>)";
  if (!sameSecret(authorization, `Bearer ${credentials.apiKey}`)) return "Invalid API key";

  const timestamp = headers.get("x-timestamp");
  if (timestamp === null || timestamp.trim() === "") return "Missing X-Timestamp header";
  if (!/^\d+$/.test(timestamp) || !Number.isSafeInteger(Number(timestamp))) {
    return "X-Timestamp must be a number of milliseconds since epoch";
  }
  if (Math.abs(now - Number(timestamp)) > MAX_TIMESTAMP_SKEW_MS) {
    return "X-Timestamp is more than 5 minutes away from the server clock";
  }

  const signature = headers.get("x-signature");
  if (!signature) return "Missing X-Signature header";
  if (!isValidSignature(credentials.signingSecret, timestamp, body, signature)) {
    return "Invalid X-Signature: expected hex HMAC-SHA256 of <timestamp>.<body>";
  }
  return undefined;
}

function parseJson(rawBody: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(rawBody) };
  } catch {
    return { ok: false };
  }
}

/** The request's Idempotency-Key: undefined when absent or blank, an error answer when unusable. */
export function idempotencyKeyOf(headers: Headers): { key?: string } | { error: SandboxResponse } {
  const key = headers.get("idempotency-key")?.trim();
  if (!key) return {};
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    return {
      error: nestError(400, `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`),
    };
  }
  return { key };
}

type ParsedBatch = { ok: true; judged: JudgedCall } | { ok: false; response: SandboxResponse };

/** The whole-request 400s, or the call judged subject by subject (no state needed for either). */
function parseBatch(rawBody: string): ParsedBatch {
  const json = parseJson(rawBody);
  if (!json.ok) return { ok: false, response: nestError(400, "Body is not valid JSON") };
  const batch = subjectBatchSchema.safeParse(json.value);
  if (!batch.success) {
    const message = batch.error.issues[0]?.message ?? "Body must be a JSON array of subjects";
    return { ok: false, response: nestError(400, message) };
  }
  return { ok: true, judged: judgeCall(batch.data) };
}

async function answerBatch(call: SandboxCall, batch: ParsedBatch): Promise<SandboxResponse> {
  if (!batch.ok) return batch.response;
  return { status: 200, body: JSON.stringify(await createUsersInCall(call, batch.judged)) };
}

/** Answers worth replaying: a 200 (state changed) and a whole-request 400 (the same body fails the same way). */
const REPLAYABLE_STATUSES = new Set([200, 400]);

/**
 * Under the call's lock, so two requests with one key cannot both run: a completed key replays its
 * stored answer, the same key with another body is refused, a new key is processed and remembered.
 */
async function answerIdempotently(
  call: SandboxCall,
  key: string,
  rawBody: string,
  batch: ParsedBatch,
): Promise<SandboxResponse> {
  const bodyHash = sha256Hex(rawBody);
  const stored = await call.findAnswer(key);
  if (stored) {
    if (stored.bodyHash !== bodyHash) {
      return nestError(422, `Idempotency-Key ${key} was used with a different body`);
    }
    return { status: stored.status, body: stored.body, headers: { "Idempotent-Replayed": "true" } };
  }
  const response = await answerBatch(call, batch);
  if (REPLAYABLE_STATUSES.has(response.status)) {
    call.saveAnswer({ idempotencyKey: key, bodyHash, status: response.status, body: response.body });
  }
  return response;
}

/** POST /v1/user */
export async function handleCreateUsers(request: CreateUsersRequest): Promise<SandboxResponse> {
  const { headers, rawBody, store, credentials, now } = request;
  const unauthorized = authFailure(headers, rawBody, credentials, now);
  if (unauthorized) return nestError(401, unauthorized);

  const idempotency = idempotencyKeyOf(headers);
  if ("error" in idempotency) return idempotency.error;
  const { key } = idempotency;
  const batch = parseBatch(rawBody);
  if (key !== undefined) return store.runSerialised((call) => answerIdempotently(call, key, rawBody, batch));
  if (!batch.ok) return batch.response;
  return store.runSerialised((call) => answerBatch(call, batch));
}

const LOOKUP_KEYS = ["contact", "internalId", "did"] as const;
type LookupKey = (typeof LOOKUP_KEYS)[number];

async function findUser(
  store: SandboxStore,
  key: LookupKey,
  value: string,
): Promise<SandboxUser | undefined> {
  if (key === "did") return store.findByDid(value);
  if (key === "internalId") return store.findByInternalId(value);
  // An unencoded "+" in a query string arrives as a space; stored phone numbers always start with "+",
  // so a contact that is only digits once spaces are gone can only have meant "+digits".
  const compact = value.replace(/\s+/g, "");
  return (
    (await store.findByContact(compact)) ??
    (/^\d+$/.test(compact) ? await store.findByContact(`+${compact}`) : undefined)
  );
}

/** GET /v1/user?contact=… | ?internalId=… | ?did=… (exactly one) */
export async function handleLookup(request: LookupRequest): Promise<SandboxResponse> {
  const { headers, url, store, credentials, now } = request;
  const unauthorized = authFailure(headers, undefined, credentials, now);
  if (unauthorized) return nestError(401, unauthorized);

  const given = LOOKUP_KEYS.flatMap((key) => {
    const value = url.searchParams.get(key);
    return value !== null && value.trim() !== "" ? [{ key, value: value.trim() }] : [];
  });
  const [only] = given;
  if (!only || given.length > 1) {
    return nestError(400, "Give exactly one of the query parameters contact, internalId or did");
  }

  const user = await findUser(store, only.key, only.value);
  if (!user) return nestError(404, `No user with ${only.key} ${only.value}`);
  const body = {
    contact: user.contact,
    did: user.did,
    internalId: user.internalId ?? null,
    identities: user.identities,
  };
  return { status: 200, body: JSON.stringify(body) };
}
