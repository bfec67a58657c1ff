import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Humanos request signature: hex(HMAC-SHA256(secret, "<timestamp>.<body>")), or of "<timestamp>"
 * alone when there is no body. `body` must be the exact bytes sent.
 */
export function signRequest(secret: string, timestamp: string, body?: string): string {
  const payload = body === undefined || body === "" ? timestamp : `${timestamp}.${body}`;
  return createHmac("sha256", secret).update(payload, "utf8").digest("hex");
}

export function isValidSignature(
  secret: string,
  timestamp: string,
  body: string | undefined,
  signature: string,
): boolean {
  const expected = Buffer.from(signRequest(secret, timestamp, body), "hex");
  const given = /^[0-9a-f]+$/i.test(signature) ? Buffer.from(signature, "hex") : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Headers every request to Humanos carries. */
export function authHeaders(options: {
  apiKey: string;
  signingSecret: string;
  body?: string;
  now?: number;
  apiVersion?: string;
}): Record<string, string> {
  const timestamp = String(options.now ?? Date.now());
  const headers: Record<string, string> = {
    Authorization: `Bearer ${options.apiKey}`,
    "X-Timestamp": timestamp,
    "X-Signature": signRequest(options.signingSecret, timestamp, options.body),
  };
  if (options.apiVersion) headers["API-Version"] = options.apiVersion;
  return headers;
}
