/** Shared by the sandbox's test files: signed requests, a fresh store per test, DID shape. */

import type { Database } from "@/lib/db/database";
import type { Feedback } from "@/lib/humanos/schemas";
import { signRequest } from "@/lib/humanos/signing";
import { createUsersInCall, judgeCall } from "./create-users";
import type { SandboxResponse } from "./handle-request";
import { createSandboxStore, type SandboxStore } from "./sandbox-store";

export const credentials = { apiKey: "test-key", signingSecret: "test-secret" };
export const NOW = 1_750_000_000_000;
export const DID =
  /^did:via:humanos:user-[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface HeaderOptions {
  apiKey?: string;
  secret?: string;
  timestamp?: string;
  signedBody?: string;
  omit?: "Authorization" | "X-Timestamp" | "X-Signature";
  authorization?: string;
  signature?: string;
  /** Extra headers, e.g. Idempotency-Key or X-Sandbox-Faults. */
  extra?: Record<string, string>;
}

/** Valid headers for `body` at NOW, with any one part broken on request. */
export function signedHeaders(body: string | undefined, options: HeaderOptions = {}): Headers {
  const timestamp = options.timestamp ?? String(NOW);
  const headers = new Headers({
    Authorization: options.authorization ?? `Bearer ${options.apiKey ?? credentials.apiKey}`,
    "X-Timestamp": timestamp,
    "X-Signature":
      options.signature ??
      signRequest(options.secret ?? credentials.signingSecret, timestamp, options.signedBody ?? body),
    ...options.extra,
  });
  if (options.omit) headers.delete(options.omit);
  return headers;
}

/** Empties the sandbox's tables: a suite's database lives across its tests. */
export async function emptySandboxStore(database: Database): Promise<SandboxStore> {
  await database.exec(
    "DELETE FROM sandbox_identities; DELETE FROM sandbox_users; DELETE FROM sandbox_idempotency;",
  );
  return createSandboxStore(database.db);
}

/** One call through the store, as the POST handler makes it. */
export function createUsers(store: SandboxStore, items: readonly unknown[]): Promise<Feedback[]> {
  const judged = judgeCall(items);
  return store.runSerialised((call) => createUsersInCall(call, judged));
}

export function jsonOf(response: SandboxResponse): unknown {
  return JSON.parse(response.body);
}
