import { beforeEach, describe, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/db/database.test-support";
import {
  FAULT_KIND_HEADER,
  FAULTS_HEADER,
  faultRequestKey,
  handleCreateUsersWithFaults,
  miscountedBody,
  pause,
  truncatedBody,
} from "./apply-faults";
import { createOccurrenceCounter, decideFault, type OccurrenceCounter, parseFaultSpec } from "./faults";
import { sha256Hex } from "./handle-request";
import {
  credentials,
  emptySandboxStore,
  type HeaderOptions,
  NOW,
  signedHeaders,
} from "./sandbox.test-support";
import type { SandboxStore } from "./sandbox-store";

const twoSubjects = JSON.stringify([{ contact: "a@example.com" }, { contact: "b@example.com" }]);
const oneSubject = JSON.stringify([{ contact: "solo@example.com" }]);

interface FaultyPost {
  body?: string;
  /** The X-Sandbox-Faults header; omitted when undefined. */
  spec?: string;
  configured?: string;
  key?: string;
  signal?: AbortSignal;
  auth?: HeaderOptions;
}

describeEachDatabase("fault injection", (use) => {
  let store: SandboxStore;
  let occurrences: OccurrenceCounter;
  beforeEach(async () => {
    store = await emptySandboxStore(use());
    occurrences = createOccurrenceCounter();
  });

  function post({ body = twoSubjects, spec, configured, key, signal, auth = {} }: FaultyPost) {
    const extra: Record<string, string> = { ...auth.extra };
    if (spec !== undefined) extra[FAULTS_HEADER] = spec;
    if (key !== undefined) extra["Idempotency-Key"] = key;
    return handleCreateUsersWithFaults({
      headers: signedHeaders(body, { ...auth, extra }),
      rawBody: body,
      store,
      credentials,
      now: NOW,
      configuredFaults: configured,
      signal,
      occurrences,
    });
  }

  describe("choosing the spec", () => {
    it("answers normally with no spec at all", async () => {
      const answer = await post({});
      expect([answer.status, answer.headers]).toEqual([200, undefined]);
      expect(await store.count()).toBe(2);
    });

    it.each([
      [
        "a bad header",
        { spec: "5xx=2" },
        `Invalid ${FAULTS_HEADER} header: 5xx must be a rate between 0 and 1, got "2"`,
      ],
      ["a bad SANDBOX_FAULTS", { configured: "boom=1" }, `Invalid SANDBOX_FAULTS: Unknown key "boom"`],
    ])("400 for %s, naming the problem", async (_name, options, message) => {
      const answer = await post(options);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 400, error: "Bad Request" });
      expect(JSON.parse(answer.body).message).toContain(message);
      expect(await store.count()).toBe(0);
    });

    it("prefers the header to SANDBOX_FAULTS (an empty header switches faults off)", async () => {
      expect((await post({ configured: "5xx=1" })).status).toBe(503);
      expect((await post({ configured: "5xx=1", spec: "" })).status).toBe(200);
      expect((await post({ configured: "5xx=0", spec: "429=1" })).status).toBe(429);
    });

    it("never hides a 401, nor takes a draw for it", async () => {
      const answer = await post({ spec: "5xx=1", auth: { apiKey: "wrong" } });
      expect(answer.status).toBe(401);
      expect(occurrences.next(sha256Hex(twoSubjects))).toBe(1);
    });

    it("checks the credentials before the spec", async () => {
      expect((await post({ spec: "nonsense", auth: { apiKey: "wrong" } })).status).toBe(401);
    });
  });

  describe("each fault", () => {
    it("server-error: 503 without processing", async () => {
      const answer = await post({ spec: "5xx=1" });
      expect(answer).toEqual({
        status: 503,
        body: JSON.stringify({
          statusCode: 503,
          message: "Injected fault: service unavailable",
          error: "Service Unavailable",
        }),
        headers: { [FAULT_KIND_HEADER]: "server-error" },
      });
      expect(await store.count()).toBe(0);
    });

    it("rate-limit: 429 with Retry-After, without processing", async () => {
      const answer = await post({ spec: "429=1,retry-after=7" });
      expect(answer).toEqual({
        status: 429,
        body: JSON.stringify({
          statusCode: 429,
          message: "Injected fault: too many requests",
          error: "Too Many Requests",
        }),
        headers: { "Retry-After": "7", [FAULT_KIND_HEADER]: "rate-limit" },
      });
      expect(await store.count()).toBe(0);
    });

    it("timeout: commits, holds the answer for hang-ms, and the retry gets the replay", async () => {
      const started = performance.now();
      const pending = post({ spec: "timeout=1,hang-ms=300", key: "chunk-1" });
      let settled = false;
      void pending.then(() => {
        settled = true;
      });
      await expect.poll(() => store.count(), { timeout: 5_000, interval: 10 }).toBe(2);
      expect(settled).toBe(false);

      const retry = await post({ spec: "", key: "chunk-1" });
      const late = await pending;
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(late).toMatchObject({ status: 200, headers: { [FAULT_KIND_HEADER]: "timeout" } });
      expect(retry).toEqual({ status: 200, body: late.body, headers: { "Idempotent-Replayed": "true" } });
      expect(JSON.parse(late.body)).toMatchObject([{ status: 200 }, { status: 200 }]);
    });

    it("timeout: a closed connection ends the hang at once", async () => {
      const controller = new AbortController();
      const started = performance.now();
      const pending = post({ spec: "timeout=1,hang-ms=60000", signal: controller.signal });
      await expect.poll(() => store.count(), { timeout: 5_000, interval: 10 }).toBe(2);
      controller.abort();
      expect((await pending).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(10_000);
    });

    it("malformed: commits, answers 200 with a body that is not JSON", async () => {
      const answer = await post({ spec: "malformed=1" });
      expect(answer).toMatchObject({ status: 200, headers: { [FAULT_KIND_HEADER]: "malformed" } });
      expect(() => JSON.parse(answer.body)).toThrow();
      expect(await store.count()).toBe(2);
    });

    it.each([
      ["one item short", twoSubjects, 1],
      ["one item too many when there is one", oneSubject, 2],
    ])("wrong-count: commits, answers %s", async (_name, body, length) => {
      const answer = await post({ body, spec: "wrong-count=1" });
      expect(answer).toMatchObject({ status: 200, headers: { [FAULT_KIND_HEADER]: "wrong-count" } });
      expect(JSON.parse(answer.body)).toHaveLength(length);
      expect(await store.count()).toBe(JSON.parse(body).length);
    });

    it("spoils only a 200: a whole-request 400 passes through", async () => {
      const answer = await post({ body: "[]", spec: "malformed=1" });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ message: "No subjects provided" });
    });

    it("latency: waits latency-ms before answering", async () => {
      const started = performance.now();
      expect((await post({ spec: "latency-ms=80" })).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    });
  });

  it("draws the same faults for the same seed, key and occurrences as decideFault", async () => {
    const spec = "seed=9,5xx=0.3,429=0.3";
    const parsedSpec = parseFaultSpec(spec);
    if (!parsedSpec.ok) throw new Error(parsedSpec.message);
    const statuses = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      statuses.push((await post({ spec, key: "chunk-9" })).status);
    }
    const expected = Array.from({ length: 12 }, (_, index) => {
      const kind = decideFault(parsedSpec.faults, "chunk-9", index + 1);
      return kind === "server-error" ? 503 : kind === "rate-limit" ? 429 : 200;
    });
    expect(statuses).toEqual(expected);
    expect(new Set(statuses).size).toBeGreaterThan(1);
  });
});

describe("fault helpers", () => {
  it.each([
    ["the Idempotency-Key when there is one", { "Idempotency-Key": " k-1 " }, "k-1"],
    ["the body's sha256 otherwise", {}, sha256Hex("[1]")],
  ])("the request key is %s", (_name, headers, key) => {
    expect(faultRequestKey(new Headers(headers), "[1]")).toBe(key);
  });

  it.each([twoSubjects, oneSubject, '[{"a":"}]"}]', "[]"])("truncatedBody(%s) never parses", (body) => {
    expect(() => JSON.parse(truncatedBody(body))).toThrow();
  });

  it.each([
    ["[1,2,3]", "[1,2]"],
    ["[1]", "[1,1]"],
    ["[]", undefined],
    ['{"a":1}', undefined],
  ])("miscountedBody(%s) is %s", (body, expected) => {
    expect(miscountedBody(body)).toBe(expected);
  });

  it("pause resolves at once when the signal is already aborted", async () => {
    const started = performance.now();
    await pause(60_000, AbortSignal.abort());
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
