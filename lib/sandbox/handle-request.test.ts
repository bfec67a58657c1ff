import { beforeEach, describe, expect, it } from "vitest";
import { signRequest } from "@/lib/humanos/signing";
import { handleCreateUsers, handleLookup } from "./handle-request";
import { createSandboxStore, type SandboxStore } from "./sandbox-store";

const credentials = { apiKey: "test-key", signingSecret: "test-secret" };
const NOW = 1_750_000_000_000;
const MINUTE = 60_000;
const DID = /^did:via:humanos:user-[0-9a-f-]{36}$/;

interface HeaderOptions {
  apiKey?: string;
  secret?: string;
  timestamp?: string;
  signedBody?: string;
  omit?: "Authorization" | "X-Timestamp" | "X-Signature";
  authorization?: string;
  signature?: string;
}

/** Valid headers for `body` at NOW, with any one part broken on request. */
function signedHeaders(body: string | undefined, options: HeaderOptions = {}): Headers {
  const timestamp = options.timestamp ?? String(NOW);
  const headers = new Headers({
    Authorization: options.authorization ?? `Bearer ${options.apiKey ?? credentials.apiKey}`,
    "X-Timestamp": timestamp,
    "X-Signature":
      options.signature ??
      signRequest(options.secret ?? credentials.signingSecret, timestamp, options.signedBody ?? body),
  });
  if (options.omit) headers.delete(options.omit);
  return headers;
}

let store: SandboxStore;
beforeEach(() => {
  store = createSandboxStore();
});

function post(rawBody: string, options: HeaderOptions = {}, now = NOW) {
  return handleCreateUsers({ headers: signedHeaders(rawBody, options), rawBody, store, credentials, now });
}

function get(query: string, options: HeaderOptions = {}) {
  const url = new URL(`http://sandbox.test/api/sandbox/v1/user${query}`);
  return handleLookup({ headers: signedHeaders(undefined, options), url, store, credentials, now: NOW });
}

const body = JSON.stringify([{ contact: "user@example.com", internalId: "internal-user-123" }]);

const BAD_SIGNATURE = "Invalid X-Signature: expected hex HMAC-SHA256 of <timestamp>.<body>";
const NOT_MS = "X-Timestamp must be a number of milliseconds since epoch";
const STALE = "X-Timestamp is more than 5 minutes away from the server clock";
const unauthorized = (message: string) => ({
  status: 401,
  body: { statusCode: 401, message, error: "Unauthorized" },
});

describe("authentication (401)", () => {
  it.each<[string, HeaderOptions, number, string]>([
    [
      "no Authorization",
      { omit: "Authorization" },
      NOW,
      "Missing Authorization header (expected Bearer <API key>)",
    ],
    ["wrong API key", { apiKey: "other-key" }, NOW, "Invalid API key"],
    ["not a Bearer token", { authorization: `Basic ${credentials.apiKey}` }, NOW, "Invalid API key"],
    ["no X-Timestamp", { omit: "X-Timestamp" }, NOW, "Missing X-Timestamp header"],
    ["X-Timestamp not a number", { timestamp: "yesterday" }, NOW, NOT_MS],
    ["X-Timestamp negative", { timestamp: "-5" }, NOW, NOT_MS],
    ["X-Timestamp too old", {}, NOW + 5 * MINUTE + 1, STALE],
    ["X-Timestamp in the future", {}, NOW - 5 * MINUTE - 1, STALE],
    ["no X-Signature", { omit: "X-Signature" }, NOW, "Missing X-Signature header"],
    ["signed with another secret", { secret: "other-secret" }, NOW, BAD_SIGNATURE],
    ["signed over another body", { signedBody: "[]" }, NOW, BAD_SIGNATURE],
    ["signed without the body", { signedBody: "" }, NOW, BAD_SIGNATURE],
    ["signature not hex", { signature: "not-hex" }, NOW, BAD_SIGNATURE],
  ])("POST %s", (_name, options, now, message) => {
    expect(post(body, options, now)).toEqual(unauthorized(message));
    expect(store.size).toBe(0);
  });

  it.each([
    ["exactly 5 minutes late", NOW + 5 * MINUTE],
    ["exactly 5 minutes early", NOW - 5 * MINUTE],
  ])("accepts a timestamp %s", (_name, now) => {
    expect(post(body, {}, now).status).toBe(200);
  });

  it("checks credentials before reading the body", () => {
    expect(post("{not json", { apiKey: "wrong" }).status).toBe(401);
  });

  it.each<[string, HeaderOptions, string]>([
    ["wrong API key", { apiKey: "nope" }, "Invalid API key"],
    ["signed with a body", { signedBody: "[]" }, BAD_SIGNATURE],
  ])("GET %s", (_name, options, message) => {
    expect(get("?contact=a@example.com", options)).toEqual(unauthorized(message));
  });
});

describe("whole-request errors (400)", () => {
  const subject = { contact: "user@example.com" };
  it.each([
    ["malformed JSON", "[{", "Body is not valid JSON"],
    ["empty body", "", "Body is not valid JSON"],
    ["an object", JSON.stringify(subject), "Body must be a JSON array of subjects"],
    ["null", "null", "Body must be a JSON array of subjects"],
    ["an empty array", "[]", "No subjects provided"],
    [
      "101 subjects",
      JSON.stringify(Array.from({ length: 101 }, () => subject)),
      "At most 100 subjects per request",
    ],
  ])("%s", (_name, rawBody, message) => {
    expect(post(rawBody)).toEqual({ status: 400, body: { statusCode: 400, message, error: "Bad Request" } });
    expect(store.size).toBe(0);
  });

  it("accepts exactly 100 subjects", () => {
    const subjects = Array.from({ length: 100 }, (_, index) => ({ contact: `user${index}@example.com` }));
    const response = post(JSON.stringify(subjects));
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(100);
    expect(store.size).toBe(100);
  });
});

describe("POST success (200 with per-subject feedback)", () => {
  it("answers the contract's example in order, items failing or not", () => {
    const rawBody = JSON.stringify([
      {
        contact: "user@example.com",
        internalId: "internal-user-123",
        identity: { fullName: "John Doe", birth: "1990-01-01", docId: "1234567890", countryAlpha3: "PRT" },
      },
      { contact: "+351 912 345 678", internalId: "internal-user-456" },
      { contact: "nobody" },
    ]);
    const created = (contact: string, internalId: string) => ({
      status: 200,
      message: "User created",
      user: { contact, did: expect.stringMatching(DID), internalId },
    });
    expect(post(rawBody)).toEqual({
      status: 200,
      body: [
        created("user@example.com", "internal-user-123"),
        created("+351912345678", "internal-user-456"),
        {
          status: 400,
          message: "contact: Not a valid e-mail address or phone number",
          user: { contact: "nobody" },
        },
      ],
    });
    expect(post(rawBody).body).toMatchObject([{ status: 201 }, { status: 201 }, { status: 400 }]);
  });
});

describe("lookup (GET)", () => {
  let did: string;
  const ana = { fullName: "Ana", birth: "1990-01-01", docId: "42", countryAlpha3: "PRT" };
  beforeEach(() => {
    post(JSON.stringify([{ contact: "+351912345678", internalId: "int-1", identity: ana }]));
    did = store.findByContact("+351912345678")?.did ?? "missing";
  });

  it.each([
    ["contact", () => "?contact=%2B351912345678"],
    ["contact with an unencoded +", () => "?contact=+351912345678"],
    ["internalId", () => "?internalId=int-1"],
    ["did", () => `?did=${encodeURIComponent(did)}`],
  ])("finds a user by %s", (_name, query) => {
    expect(get(query())).toEqual({
      status: 200,
      body: {
        contact: "+351912345678",
        did,
        internalId: "int-1",
        identities: [ana],
      },
    });
  });

  it.each([
    ["?contact=ghost@example.com", "No user with contact ghost@example.com"],
    ["?internalId=int-2", "No user with internalId int-2"],
    ["?did=did:via:humanos:user-unknown", "No user with did did:via:humanos:user-unknown"],
  ])("404 for %s", (query, message) => {
    expect(get(query)).toEqual({ status: 404, body: { statusCode: 404, message, error: "Not Found" } });
  });

  it.each([
    "",
    "?contact=",
    "?contact=a@example.com&did=x",
    "?internalId=int-1&contact=%2B351912345678",
    "?email=a@example.com",
  ])("400 for %j", (query) => {
    const message = "Give exactly one of the query parameters contact, internalId or did";
    expect(get(query)).toEqual({ status: 400, body: { statusCode: 400, message, error: "Bad Request" } });
  });
});
