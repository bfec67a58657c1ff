import { beforeEach, describe, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/database.test-support";
import { handleCreateUsers, handleLookup, type SandboxResponse } from "./handle-request";
import {
  credentials,
  DID,
  emptySandboxStore,
  type HeaderOptions,
  NOW,
  signedHeaders,
} from "./sandbox.test-support";
import type { SandboxStore } from "./sandbox-store";

const MINUTE = 60_000;

/** The answer with its body parsed, to compare with toEqual. */
function parsed({ status, body }: SandboxResponse) {
  return { status, body: JSON.parse(body) as unknown };
}

const body = JSON.stringify([{ contact: "user@example.com", internalId: "internal-user-123" }]);

const BAD_SIGNATURE = "Invalid X-Signature: expected hex HMAC-SHA256 of <timestamp>.<body>";
const NOT_MS = "X-Timestamp must be a number of milliseconds since epoch";
const STALE = "X-Timestamp is more than 5 minutes away from the server clock";
const unauthorized = (message: string) => ({
  status: 401,
  body: { statusCode: 401, message, error: "Unauthorized" },
});

describeEachDatabase("sandbox HTTP handling", (use) => {
  let store: SandboxStore;
  beforeEach(async () => {
    store = await emptySandboxStore(use());
  });

  function post(rawBody: string, options: HeaderOptions = {}, now = NOW) {
    return handleCreateUsers({ headers: signedHeaders(rawBody, options), rawBody, store, credentials, now });
  }

  function get(query: string, options: HeaderOptions = {}) {
    const url = new URL(`http://sandbox.test/api/sandbox/v1/user${query}`);
    return handleLookup({ headers: signedHeaders(undefined, options), url, store, credentials, now: NOW });
  }

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
    ])("POST %s", async (_name, options, now, message) => {
      expect(parsed(await post(body, options, now))).toEqual(unauthorized(message));
      expect(await store.count()).toBe(0);
    });

    it.each([
      ["exactly 5 minutes late", NOW + 5 * MINUTE],
      ["exactly 5 minutes early", NOW - 5 * MINUTE],
    ])("accepts a timestamp %s", async (_name, now) => {
      expect((await post(body, {}, now)).status).toBe(200);
    });

    it("checks credentials before reading the body", async () => {
      expect((await post("{not json", { apiKey: "wrong" })).status).toBe(401);
    });

    it.each<[string, HeaderOptions, string]>([
      ["wrong API key", { apiKey: "nope" }, "Invalid API key"],
      ["signed with a body", { signedBody: "[]" }, BAD_SIGNATURE],
    ])("GET %s", async (_name, options, message) => {
      expect(parsed(await get("?contact=a@example.com", options))).toEqual(unauthorized(message));
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
    ])("%s", async (_name, rawBody, message) => {
      expect(parsed(await post(rawBody))).toEqual({
        status: 400,
        body: { statusCode: 400, message, error: "Bad Request" },
      });
      expect(await store.count()).toBe(0);
    });

    it("accepts exactly 100 subjects", async () => {
      const subjects = Array.from({ length: 100 }, (_, index) => ({ contact: `user${index}@example.com` }));
      const response = parsed(await post(JSON.stringify(subjects)));
      expect(response.status).toBe(200);
      expect(response.body).toHaveLength(100);
      expect(await store.count()).toBe(100);
    });
  });

  describe("POST success (200 with per-subject feedback)", () => {
    it("answers the contract's example in order, items failing or not", async () => {
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
      expect(parsed(await post(rawBody))).toEqual({
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
      expect(parsed(await post(rawBody)).body).toMatchObject([
        { status: 201 },
        { status: 201 },
        { status: 400 },
      ]);
    });
  });

  describe("lookup (GET)", () => {
    let did: string;
    const ana = { fullName: "Ana", birth: "1990-01-01", docId: "42", countryAlpha3: "PRT" };
    beforeEach(async () => {
      await post(JSON.stringify([{ contact: "+351912345678", internalId: "int-1", identity: ana }]));
      did = (await store.findByContact("+351912345678"))?.did ?? "missing";
    });

    it.each([
      ["contact", () => "?contact=%2B351912345678"],
      ["contact with an unencoded +", () => "?contact=+351912345678"],
      ["internalId", () => "?internalId=int-1"],
      ["did", () => `?did=${encodeURIComponent(did)}`],
    ])("finds a user by %s", async (_name, query) => {
      expect(parsed(await get(query()))).toEqual({
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
    ])("404 for %s", async (query, message) => {
      expect(parsed(await get(query))).toEqual({
        status: 404,
        body: { statusCode: 404, message, error: "Not Found" },
      });
    });

    it.each([
      "",
      "?contact=",
      "?contact=a@example.com&did=x",
      "?internalId=int-1&contact=%2B351912345678",
      "?email=a@example.com",
    ])("400 for %j", async (query) => {
      const message = "Give exactly one of the query parameters contact, internalId or did";
      expect(parsed(await get(query))).toEqual({
        status: 400,
        body: { statusCode: 400, message, error: "Bad Request" },
      });
    });
  });
  describe("Idempotency-Key", () => {
    const keyed = (key: string) => ({ extra: { "Idempotency-Key": key } });
    const aliceBody = (internalId: string) => JSON.stringify([{ contact: "alice@example.com", internalId }]);

    it("replays a completed key byte for byte, and changes nothing", async () => {
      const first = await post(aliceBody("a-1"), keyed("key-1"));
      expect(parsed(first)).toMatchObject({ status: 200, body: [{ status: 200, message: "User created" }] });
      // Another call changes the user meanwhile: the replay must neither undo it nor reflect it.
      expect(parsed(await post(aliceBody("a-2")))).toMatchObject({ body: [{ message: "User updated" }] });

      const replay = await post(aliceBody("a-1"), keyed("key-1"));
      expect(replay).toEqual({ status: 200, body: first.body, headers: { "Idempotent-Replayed": "true" } });
      expect(await store.findByContact("alice@example.com")).toMatchObject({ internalId: "a-2" });
      expect(await store.count()).toBe(1);
    });

    it("refuses the same key with another body (422), changing nothing", async () => {
      await post(aliceBody("a-1"), keyed("key-2"));
      const other = JSON.stringify([{ contact: "bob@example.com" }]);
      expect(parsed(await post(other, keyed("key-2")))).toEqual({
        status: 422,
        body: {
          statusCode: 422,
          message: "Idempotency-Key key-2 was used with a different body",
          error: "Unprocessable Entity",
        },
      });
      expect(await store.findByContact("bob@example.com")).toBeUndefined();
    });

    it("replays a whole-request 400 too", async () => {
      const first = await post("[]", keyed("key-3"));
      expect(first.status).toBe(400);
      expect(await post("[]", keyed("key-3"))).toEqual({
        ...first,
        headers: { "Idempotent-Replayed": "true" },
      });
    });

    it("never stores a 401: the key is still free once the request is signed properly", async () => {
      expect((await post(aliceBody("a-1"), { ...keyed("key-4"), apiKey: "wrong" })).status).toBe(401);
      const signed = await post(aliceBody("a-1"), keyed("key-4"));
      expect(signed.headers).toBeUndefined();
      expect(parsed(signed)).toMatchObject({ status: 200, body: [{ message: "User created" }] });
    });

    it("runs a key once when two requests with it arrive together", async () => {
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => post(aliceBody("a-1"), keyed("key-5"))),
      );
      expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
      expect(answers.filter((answer) => answer.headers === undefined)).toHaveLength(1);
      expect(parsed(answers[0] as SandboxResponse)).toMatchObject({ body: [{ message: "User created" }] });
    });

    it("without a key, a repeat is processed again (201)", async () => {
      await post(aliceBody("a-1"));
      expect(parsed(await post(aliceBody("a-1")))).toMatchObject({ body: [{ status: 201 }] });
    });

    it.each([
      ["blank", "  ", 200],
      ["255 characters", "k".repeat(255), 200],
      ["256 characters", "k".repeat(256), 400],
    ])("a %s key: %i", async (_name, key, status) => {
      const answer = await post(aliceBody("a-1"), keyed(key));
      expect(answer.status).toBe(status);
      if (status === 400) {
        expect(parsed(answer).body).toMatchObject({
          message: "Idempotency-Key must be at most 255 characters",
        });
      }
    });
  });
});
