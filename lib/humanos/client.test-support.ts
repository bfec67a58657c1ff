/**
 * A real HTTP server for client tests: it records every request exactly as received and answers
 * from a script, so the client is exercised through Node's own fetch, headers and sockets.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { createHumanosClient, type HumanosClientConfig, type SubjectRow } from "./client";
import type { RowResult } from "./results";
import { isValidSignature } from "./signing";

export const API_KEY = "test-api-key";
export const SIGNING_SECRET = "test-signing-secret";
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The parsed body, or undefined when it is not JSON. */
  subjects: Array<{ contact: string; internalId?: string }>;
}

export interface ScriptedReply {
  status: number;
  headers?: Record<string, string>;
  /** A string is sent as-is; anything else as JSON. */
  body?: unknown;
}

/** "hang" never answers: the socket stays open until the client gives up. */
export type Script = (request: RecordedRequest, attemptForBody: number) => ScriptedReply | "hang";

export interface ScriptedServer {
  baseUrl: string;
  requests: RecordedRequest[];
  maxInFlight: number;
  setScript(script: Script): void;
  /** Delays every answer, so overlapping requests can be observed. */
  setReplyDelay(ms: number): void;
  close(): Promise<void>;
}

/** The happy answer: one 200 item per subject, with a DID derived from the contact. */
export function echoSuccess(request: RecordedRequest): ScriptedReply {
  return {
    status: 200,
    body: request.subjects.map((subject) => ({
      status: 200,
      message: "User created",
      user: {
        contact: subject.contact,
        did: didFor(subject.contact),
        internalId: subject.internalId ?? null,
      },
    })),
  };
}

export function didFor(contact: string): string {
  return `did:test:${contact}`;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  let script: Script = echoSuccess;
  let replyDelayMs = 0;
  let inFlight = 0;
  const requests: RecordedRequest[] = [];
  const attemptsByBody = new Map<string, number>();
  const state = { maxInFlight: 0 };

  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => {
      const rawBody = Buffer.concat(parts).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        rawBody,
        subjects: parseSubjects(rawBody),
      };
      requests.push(recorded);
      // Retries resend the same body, so counting per body tells each chunk's attempts apart.
      const attempt = (attemptsByBody.get(rawBody) ?? 0) + 1;
      attemptsByBody.set(rawBody, attempt);
      const reply = script(recorded, attempt);
      if (reply === "hang") return;
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? null);
        res.writeHead(reply.status, { "Content-Type": "application/json", ...reply.headers });
        res.end(body);
      }, replyDelayMs);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return state.maxInFlight;
    },
    setScript(next) {
      script = next;
    },
    setReplyDelay(ms) {
      replyDelayMs = ms;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function parseSubjects(rawBody: string): RecordedRequest["subjects"] {
  try {
    const parsed: unknown = JSON.parse(rawBody);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** A client aimed at `server` whose sleep records the delay and returns at once. */
export function makeClient(server: ScriptedServer, overrides: Partial<HumanosClientConfig> = {}) {
  const delays: number[] = [];
  const settled: RowResult[][] = [];
  let clock = 1_700_000_000_000;
  const client = createHumanosClient({
    baseUrl: server.baseUrl,
    apiKey: API_KEY,
    signingSecret: SIGNING_SECRET,
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    // Ticks on every read, so each attempt is signed with its own timestamp.
    now: () => clock++,
    ...overrides,
  });
  return { client, delays, settled, onChunkSettled: (results: RowResult[]) => settled.push(results) };
}

/** rowIndex deliberately differs from position, so a mix-up between the two shows. */
export function makeRows(count: number): SubjectRow[] {
  return Array.from({ length: count }, (_, i) => ({
    rowIndex: i * 3 + 1,
    subject: { contact: `user${i}@example.com`, internalId: `id-${i}` },
  }));
}

export function expectSigned(request: RecordedRequest | undefined): void {
  const timestamp = String(request?.headers["x-timestamp"]);
  const signature = String(request?.headers["x-signature"]);
  expect(isValidSignature(SIGNING_SECRET, timestamp, request?.rawBody, signature)).toBe(true);
}

export function summary(results: RowResult[]) {
  return results.map((r) => ({
    rowIndex: r.rowIndex,
    status: r.status,
    reason: r.notSentReason,
    attempts: r.attempts,
  }));
}
