/**
 * HTTP handling of the sandbox, free of any framework so it can be tested with plain Headers/URL:
 * authentication first, then whole-request checks, then the per-subject rules.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { type RequestErrorBody, subjectBatchSchema } from "@/lib/humanos/schemas";
import { isValidSignature } from "@/lib/humanos/signing";
import { createUsers } from "./create-users";
import type { SandboxStore, SandboxUser } from "./sandbox-store";

/** Clock skew the sandbox tolerates between X-Timestamp and its own clock (the contract's inference). */
export const MAX_TIMESTAMP_SKEW_MS = 5 * 60 * 1000;

export interface SandboxCredentials {
  apiKey: string;
  signingSecret: string;
}

export interface SandboxResponse {
  status: number;
  body: unknown;
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

type ErrorStatus = 400 | 401 | 404;
const ERROR_NAMES: Record<ErrorStatus, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
};

function nestError(statusCode: ErrorStatus, message: string): SandboxResponse {
  const body: RequestErrorBody = { statusCode, message, error: ERROR_NAMES[statusCode] };
  return { status: statusCode, body };
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

/** POST /v1/user */
export function handleCreateUsers(request: CreateUsersRequest): SandboxResponse {
  const { headers, rawBody, store, credentials, now } = request;
  const unauthorized = authFailure(headers, rawBody, credentials, now);
  if (unauthorized) return nestError(401, unauthorized);

  const json = parseJson(rawBody);
  if (!json.ok) return nestError(400, "Body is not valid JSON");
  const batch = subjectBatchSchema.safeParse(json.value);
  if (!batch.success) {
    return nestError(400, batch.error.issues[0]?.message ?? "Body must be a JSON array of subjects");
  }
  return { status: 200, body: createUsers(store, batch.data) };
}

const LOOKUP_KEYS = ["contact", "internalId", "did"] as const;
type LookupKey = (typeof LOOKUP_KEYS)[number];

function findUser(store: SandboxStore, key: LookupKey, value: string): SandboxUser | undefined {
  if (key === "did") return store.findByDid(value);
  if (key === "internalId") return store.findByInternalId(value);
  // An unencoded "+" in a query string arrives as a space; stored phone numbers always start with "+",
  // so a contact that is only digits once spaces are gone can only have meant "+digits".
  const compact = value.replace(/\s+/g, "");
  return (
    store.findByContact(compact) ?? (/^\d+$/.test(compact) ? store.findByContact(`+${compact}`) : undefined)
  );
}

/** GET /v1/user?contact=… | ?internalId=… | ?did=… (exactly one) */
export function handleLookup(request: LookupRequest): SandboxResponse {
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

  const user = findUser(store, only.key, only.value);
  if (!user) return nestError(404, `No user with ${only.key} ${only.value}`);
  return {
    status: 200,
    body: {
      contact: user.contact,
      did: user.did,
      internalId: user.internalId ?? null,
      identities: user.identities,
    },
  };
}
